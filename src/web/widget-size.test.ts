/** The embeddable script's byte budget: every embedding site's readers download it. */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

it("widget.js stays under 8 KB gzipped and pulls in nothing else", () => {
  const source = readFileSync(new URL("../../public/widget.js", import.meta.url));
  const gzipped = gzipSync(source, { level: 9 }).length;
  expect(gzipped).toBeLessThan(8 * 1024);
  // No imports or other network loads besides the API calls it is configured with.
  expect(source.toString()).not.toMatch(/\bimport\s*[({"']|importScripts|<script/);
});
