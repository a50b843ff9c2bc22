/**
 * @module es/client
 * The one door to Elasticsearch: every other module gets its client from here, so retries,
 * timeouts, authentication and failover are decided in one place.
 */
import { readFileSync } from "node:fs";
import { Client, type ClientOptions } from "@elastic/elasticsearch";
import type { ElasticsearchConfig } from "../config.js";
import { DeadlineTransport } from "./deadline.js";

export type EsClient = Client;

export interface EsConnection {
  /** Every node's URL: the client retries a failed request on the next one. */
  nodes: string[];
  config: Pick<
    ElasticsearchConfig,
    "ES_API_KEY" | "ES_USERNAME" | "ES_PASSWORD" | "ES_CA_CERT" | "ES_REQUEST_TIMEOUT_MS"
  >;
}

export function createEsClient({ nodes, config }: EsConnection): EsClient {
  const options: ClientOptions = {
    nodes,
    requestTimeout: config.ES_REQUEST_TIMEOUT_MS,
    maxRetries: 3,
    // Dead nodes are resurrected after a while, so a restarted node is used again.
    resurrectStrategy: "ping",
    compression: false,
    // Errors drop the request's headers (credentials) without copying the rest. The default walks
    // the request into a redacted copy, a `_bulk` body's Buffer byte by byte: the importer ran out
    // of heap the moment Elasticsearch went down.
    redaction: { type: "remove" },
    Transport: DeadlineTransport,
  };
  if (config.ES_API_KEY) options.auth = { apiKey: config.ES_API_KEY };
  else if (config.ES_USERNAME && config.ES_PASSWORD)
    options.auth = { username: config.ES_USERNAME, password: config.ES_PASSWORD };
  if (config.ES_CA_CERT) options.tls = { ca: readFileSync(config.ES_CA_CERT) };
  return new Client(options);
}
