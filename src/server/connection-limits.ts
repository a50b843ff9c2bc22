/**
 * @module server/connection-limits
 * Limits on the sockets themselves, below HTTP: how many connections one address may hold open,
 * so a client cannot exhaust the server's sockets with slow or idle ones.
 */
import type { Server } from "node:http";

export function capConnectionsPerAddress(server: Server, perAddress: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
