/**
 * @module error-message
 * The text of anything thrown, for a failure reason or a command's last line.
 */

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
