import { describe, expect, it } from "vitest";
import { chunked, collect } from "./testing.js";
import { numberedLines } from "./text-lines.js";

describe("numberedLines", () => {
  const text = "سطر أول\r\nسطر ثان طويل بعض الشيء\n\n\r\nرابع\rبقية\nأخير بلا نهاية";
  const expected = ["سطر أول", "سطر ثان طويل بعض الشيء", "", "", "رابع\rبقية", "أخير بلا نهاية"];

  it.each([1, 2, 3, 5, 8, 13, 1000])(
    "gives the same numbered lines in chunks of %i characters",
    async (size) => {
      const lines = await collect(numberedLines(chunked(text, size)));
      expect(lines.map((line) => line.text)).toEqual(expected);
      expect(lines.map((line) => line.number)).toEqual([1, 2, 3, 4, 5, 6]);
    },
  );

  it("ends without an empty line after a final newline", async () => {
    const lines = await collect(numberedLines(chunked("أ\nب\n", 1)));
    expect(lines).toEqual([
      { text: "أ", number: 1 },
      { text: "ب", number: 2 },
    ]);
  });
});
