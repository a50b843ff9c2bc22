import { errors } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { withDeadline } from "./deadline.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("withDeadline", () => {
  it("passes an operation's answer through when it ends in time", async () => {
    await expect(withDeadline(1_000, async () => "answer")).resolves.toBe("answer");
  });

  it("rejects at the deadline, however long the operation would still take", async () => {
    const started = Date.now();
    const slow = withDeadline(50, async () => {
      await sleep(2_000);
      return "late";
    });
    await expect(slow).rejects.toBeInstanceOf(errors.RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
