/**
 * The OpenAPI document as a client developer uses it: every operation named and described, and a
 * typed client generated from it (openapi-typescript) that compiles.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { testApp } from "./helpers/api.js";
import { uniqueAlias } from "./helpers/es.js";

const { app, client } = testApp(uniqueAlias("openapi"));
afterAll(() => client.close());

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: Array<{ name: string; description?: string }>;
}

async function openapiDocument(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  const response = await app.request("/api/openapi.json");
  expect(response.status).toBe(200);
  return response.json();
}

describe("the OpenAPI document", () => {
  it("names and describes every operation and every search and suggest parameter", async () => {
    const document = await openapiDocument();
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const ids = operations.map((operation) => operation.operationId);
    for (const operation of operations) {
      expect(operation.operationId, JSON.stringify(operation.summary)).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const path of ["/api/search", "/api/suggest"])
      for (const parameter of document.paths[path]?.get?.parameters ?? [])
        expect(parameter.description, `${path} ${parameter.name}`).toBeTruthy();
  });

  it("generates a typed client that compiles", async () => {
    const types = astToString(await openapiTS(JSON.stringify(await openapiDocument())));
    const dir = await mkdtemp(join(tmpdir(), "openapi-client-"));
    const file = join(dir, "client.ts");
    await writeFile(
      file,
      `${types}
type Search = operations["searchArticles"];
type Answer = Search["responses"][200]["content"]["application/json"];
export const title: Answer["hits"][number]["title"] = "عنوان";
export const query: NonNullable<Search["parameters"]["query"]>["sort"] = "newest";
`,
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      // The client alone: none of this project's @types.
      types: [],
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
  });
});
