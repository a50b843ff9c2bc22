/**
 * A feed on 127.0.0.1 that the importer reads as a URL, served in parts: the first at once, each
 * next one when the scenario releases it. An import then spans whatever the scenario does between
 * releases (a node stopped, restarted), however fast the machine imports.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PacedFeed {
  url: string;
  /** Sends the next part (the last one ends the response). */
  release: () => void;
  close: () => Promise<void>;
}

/** Serves `lines` (JSON Lines) in `parts` roughly equal parts. */
export async function pacedFeed(lines: string[], parts: number): Promise<PacedFeed> {
  const size = Math.ceil(lines.length / parts);
  const chunks = Array.from({ length: parts }, (_, i) => lines.slice(i * size, (i + 1) * size));
  let released = 1;
  let wake = () => {};
  const server = createServer(async (_request, response) => {
    response.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8" });
    for (const [i, chunk] of chunks.entries()) {
      while (i >= released) await new Promise<void>((resolve) => (wake = resolve));
      for (const line of chunk) if (!response.write(`${line}\n`)) await once(response, "drain");
    }
    response.end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/saudinewsnet.jsonl`,
    release: () => {
      released++;
      wake();
    },
    close: () => {
      // A reader still waiting for a part (a failed scenario) must not hold the close.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
