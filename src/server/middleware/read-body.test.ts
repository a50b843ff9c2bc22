import { describe, expect, it } from "vitest";
import { nestingDepth } from "./read-body.js";

const depth = (text: string) => nestingDepth(new TextEncoder().encode(text));

describe("nestingDepth", () => {
  it("counts brackets outside strings only", () => {
    expect(depth('{"title":"[[[{{{","tags":["a",["b"]]}')).toBe(3);
    expect(depth('{"a":"\\"[[["}')).toBe(1);
    expect(depth("[".repeat(10_000))).toBe(10_000);
  });

  it("starts over on each line of NDJSON", () => {
    expect(depth('{"a":[1]}\n{"b":[[2]]}\n')).toBe(3);
    expect(depth("[[[[\n{}")).toBe(4);
  });
});
