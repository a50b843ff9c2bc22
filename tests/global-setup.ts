/**
 * One Elasticsearch for the integration tests, found the same way as `npm run es`:
 * ES_URL if set; else a testcontainers container where Docker answers; else the embedded node.
 * What this setup starts, it stops.
 */
import type { TestProject } from "vitest/node";
import { dockerAnswers, startElasticsearch, stopElasticsearch } from "../scripts/es/provision.js";
import { readState } from "../src/es/local-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    esUrls: string[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.ES_URL || process.env.ES_LOCAL_RUNNER === "embedded" || !dockerAnswers()) {
    const wasRunning = readState();
    const target = await startElasticsearch();
    project.provide("esUrls", target.urls);
    return async () => {
      if (!wasRunning && target.mode !== "external") await stopElasticsearch();
    };
  }
  const { startContainer } = await import("./helpers/container.js");
  const container = await startContainer();
  project.provide("esUrls", [container.url]);
  return () => container.stop();
}
