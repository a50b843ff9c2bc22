/**
 * npm run es -- start [--nodes N] | stop | status | logs [--node N] [--lines N] | kill --node N | stop-node --node N
 *   | start-node --node N
 *   | verify [--index NAME] [--settings] | snapshot [NAME] | snapshots | restore NAME [--accept-count]
 * Prints the cluster URL(s) on stdout (one per line) so other scripts can capture it.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readState } from "../../src/es/local-cluster.js";
import { readPid, startNode, stopNode } from "./embedded.js";
import { nodeLogFile } from "./paths.js";
import { elasticsearchStatus, startElasticsearch, stopElasticsearch } from "./provision.js";
import { listCommand, restoreCommand, snapshotCommand } from "./snapshot.js";
import { verifyCommand } from "./verify.js";

const USAGE =
  "usage: npm run es -- start [--nodes N] | stop | status | logs [--node N] [--lines N] | kill --node N | stop-node --node N | start-node --node N | verify [--index NAME] [--settings] | snapshot [NAME] | snapshots | restore NAME [--accept-count]";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      nodes: { type: "string", default: "1" },
      node: { type: "string", default: "1" },
      lines: { type: "string", default: "80" },
      index: { type: "string" },
      settings: { type: "boolean", default: false },
      "accept-count": { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  const nodes = Number(values.nodes);
  const node = Number(values.node);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 5) throw new Error("--nodes takes 1 to 5");

  switch (command) {
    case "start": {
      const target = await startElasticsearch({ nodes });
      process.stdout.write(`${target.urls.join("\n")}\n`);
      return 0;
    }
    case "stop":
      await stopElasticsearch();
      return 0;
    case "status": {
      const { target, nodes: statuses } = await elasticsearchStatus();
      if (!target) {
        process.stdout.write("not started (npm run es -- start)\n");
        return 1;
      }
      for (const status of statuses) {
        const health = status.health
          ? `${status.health.status}, ${status.health.number_of_nodes} node(s) in ${status.health.cluster_name}`
          : "not answering";
        const pid = status.pid ? ` pid ${status.pid}` : "";
        process.stdout.write(`${target.mode} ${status.url}${pid}: ${health}\n`);
      }
      return statuses.some((status) => status.health) ? 0 : 1;
    }
    case "logs": {
      const state = readState();
      const file = nodeLogFile(state?.nodes ?? 1, node);
      if (!existsSync(file)) throw new Error(`no log at ${file}`);
      const lines = readFileSync(file, "utf8").split("\n");
      process.stdout.write(`${lines.slice(-Number(values.lines)).join("\n")}\n`);
      return 0;
    }
    case "kill":
    case "stop-node":
    case "start-node": {
      // For fault tests and rolling restarts: hard-kill one embedded node, stop it gracefully
      // (SIGTERM: it closes its shards cleanly and leaves the cluster), or bring it back.
      const state = readState();
      if (state?.mode !== "embedded") throw new Error(`${command} works on the embedded cluster only`);
      if (command === "kill") return (await stopNode(state.nodes, node, "SIGKILL")) ? 0 : 1;
      if (command === "stop-node") return (await stopNode(state.nodes, node, "SIGTERM")) ? 0 : 1;
      await startNode(state.nodes, node);
      process.stdout.write(`node-${node} pid ${readPid(state.nodes, node)}\n`);
      return 0;
    }
    case "verify":
      // The golden tokens through the configured cluster's analyzers (verify.ts).
      return verifyCommand({ index: values.index, settings: values.settings });
    case "snapshot":
      return snapshotCommand(positionals[1]);
    case "snapshots":
      return listCommand();
    case "restore":
      return restoreCommand(positionals[1], values["accept-count"]);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[es] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
