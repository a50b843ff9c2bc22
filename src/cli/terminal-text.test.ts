/** Terminal rendering: hostile text is defused, highlights survive, RTL lines are reordered. */
import { describe, expect, it } from "vitest";
import { formatRuns, highlightRuns, stripControls, wrapRuns } from "./terminal-text.js";

const ESC = "\u001b";

describe("terminal text", () => {
  it("drops escape sequences, C1 controls and bidi overrides from article text", () => {
    const hostile = `عنوان${ESC}]0;pwned\u0007 ${ESC}[2J\u009b31m\u202eمعكوس`;
    const cleaned = stripControls(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
    expect(cleaned).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(cleaned).toContain("عنوان");
    const runs = highlightRuns(`&lt;b&gt; <mark>خبر${ESC}[31m</mark>`);
    expect(runs.map((run) => run.text).join("")).not.toContain(ESC);
  });

  it("turns <mark> into bold inverse and decodes entities", () => {
    const out = formatRuns(highlightRuns("قال &quot;<mark>الوزير</mark>&quot; اليوم"), {
      display: false,
      ansi: true,
      width: 80,
    });
    expect(out).toBe(`قال "${ESC}[1;7mالوزير${ESC}[0m" اليوم`);
  });

  it("keeps logical order in raw mode and reverses RTL runs for display, right-aligned", () => {
    const runs = highlightRuns("<mark>سلام</mark> عليكم");
    expect(formatRuns(runs, { display: false, ansi: false, width: 30 })).toBe("سلام عليكم");
    const shown = formatRuns(runs, { display: true, ansi: false, width: 30 });
    expect(shown).toHaveLength(30);
    // Shaped (presentation forms, not logical letters) and the first word on the right.
    expect(shown).not.toContain("سلام");
    expect(shown.trimStart().startsWith("ﻢﻜﻴﻠﻋ")).toBe(true);
  });

  it("wraps in logical order at spaces, before reordering", () => {
    const lines = wrapRuns(highlightRuns("واحد اثنان ثلاثة أربعة"), 11);
    expect(lines.map((line) => line.map((run) => run.text).join(""))).toEqual(["واحد اثنان", "ثلاثة أربعة"]);
  });
});
