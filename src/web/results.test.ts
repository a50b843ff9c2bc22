import { describe, expect, it } from "vitest";
import { sourcesLabel } from "./results.js";

describe("sourcesLabel", () => {
  it("says N sources as Arabic counts them, in Arabic-Indic digits", () => {
    expect([1, 2, 3, 10, 11, 99, 100, 103, 111].map(sourcesLabel)).toEqual([
      "مصدر واحد",
      "مصدران",
      "٣ مصادر",
      "١٠ مصادر",
      "١١ مصدرًا",
      "٩٩ مصدرًا",
      "١٠٠ مصدر",
      "١٠٣ مصادر",
      "١١١ مصدرًا",
    ]);
  });
});
