import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError } from "../problem.js";
import { loadShed } from "./load-shed.js";

/** An app whose one route waits until released, so requests stay in flight as long as a test wants. */
function heldApp(maxInFlight: number, maxPerClient: number) {
  const waiting: Array<() => void> = [];
  const app = new Hono();
  app.onError((error, c) => c.text(error.message, error instanceof ApiError ? error.status : 500));
  app.use("*", loadShed({ maxInFlight, maxPerClient, clientKey: (c) => c.req.header("x-client") ?? "" }));
  app.get("/", () => new Promise<Response>((resolve) => waiting.push(() => resolve(new Response("ok")))));
  const send = (client: string) => app.request("/", { headers: { "x-client": client } });
  const releaseAll = () => {
    for (const release of waiting.splice(0)) release();
  };
  return { send, releaseAll, held: () => waiting.length };
}

const statuses = (answers: Array<Response | Promise<Response>>) =>
  Promise.all(answers.map(async (answer) => (await answer).status));

describe("loadShed", () => {
  it("gives one client at most its share of slots, leaving the rest to others", async () => {
    const { send, releaseAll, held } = heldApp(6, 2);
    const flood = ["a", "a", "a", "b", "b", "b"].map(send);
    await Promise.resolve();
    const reader = send("reader");
    await Promise.resolve();
    expect(held()).toBe(5);
    releaseAll();
    expect(await statuses([...flood, reader])).toEqual([200, 200, 429, 200, 200, 429, 200]);
  });

  it("sheds with 503 once every slot is taken, and frees slots and client entries as requests end", async () => {
    const { send, releaseAll } = heldApp(3, 2);
    const first = ["a", "b", "c", "d"].map(send);
    await Promise.resolve();
    releaseAll();
    expect(await statuses(first)).toEqual([200, 200, 200, 503]);
    const again = ["a", "a", "d"].map(send);
    await Promise.resolve();
    releaseAll();
    expect(await statuses(again)).toEqual([200, 200, 200]);
  });
});
