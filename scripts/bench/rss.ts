/** Resident memory of the largest process under `pid` (npx → tsx → node: the real worker), in MB. */
import { readFileSync } from "node:fs";

export function rssOfLargest(pid: number): number {
  let largest = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      for (const child of children) visit(Number(child));
    } catch {
      // The process ended between samples.
    }
  };
  visit(pid);
  return largest;
}
