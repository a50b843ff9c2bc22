import { describe, expect, it } from "vitest";
import { KEYBOARD_NEIGHBOURS } from "./keyboard.js";

describe("KEYBOARD_NEIGHBOURS", () => {
  it("knows the keys around a key of the Arabic PC layout", () => {
    // J: H and K beside it, U and I above, N and M below.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ت"))).toEqual(new Set(["ا", "ن", "ع", "ه", "ى", "ة"]));
    // A: Q and W above, S beside, Z below.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ش"))).toEqual(new Set(["ض", "ص", "س", "ئ"]));
    // V: its right-hand key types lam-alef, two letters, so it is no neighbour.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ر"))).toEqual(new Set(["ؤ", "ب", "ل"]));
    expect(KEYBOARD_NEIGHBOURS.has("ذ")).toBe(false);
  });

  it("is symmetric and never maps a key to itself", () => {
    for (const [key, neighbours] of KEYBOARD_NEIGHBOURS) {
      expect(neighbours).not.toContain(key);
      for (const other of neighbours) expect(KEYBOARD_NEIGHBOURS.get(other)).toContain(key);
    }
  });
});
