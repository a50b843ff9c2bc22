/**
 * The importer on a generated file of 1 GB (100 MB in the short run): memory stays flat from the
 * first quarter to the last, because every stage streams. A dry run (read, clean, validate,
 * fingerprint, serialise; nothing sent) so the figure is the importer's own.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rssOfLargest } from "../../scripts/bench/rss.js";
import { startImporter } from "./helpers/importer.js";
import { record, short } from "./helpers/record.js";

const TARGET_BYTES = short ? 100e6 : 1e9;
const file = join(tmpdir(), `big-import-${process.pid}.jsonl`);

async function generate(): Promise<number> {
  const out = createWriteStream(file);
  const words = [
    "الحكومة",
    "أعلنت",
    "اليوم",
    "خطة",
    "جديدة",
    "لدعم",
    "الاقتصاد",
    "والصناعة",
    "في",
    "عام",
    "٢٠٢٥",
    "2025",
    "السيسى",
    "بوتين",
    "الصينية",
  ];
  let bytes = 0;
  let n = 0;
  while (bytes < TARGET_BYTES) {
    const body = Array.from({ length: 120 }, (_, k) => words[(n * 7 + k * 3) % words.length]).join(" ");
    const line = `${JSON.stringify({ id: `big-${n}`, title: `خبر رقم ${n}`, body: `${body} ${n}`, source: "مولد", published_at: "2025-01-01" })}\n`;
    bytes += Buffer.byteLength(line);
    n++;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return n;
}

afterAll(async () => {
  await rm(file, { force: true });
});

describe("a very large input", () => {
  it("is imported in flat memory", async () => {
    const records = await generate();
    const importer = startImporter([file, "--dry-run"], join(tmpdir(), "big-rejects.ndjson"), {
      ...process.env,
      ES_URL: "http://127.0.0.1:1",
    });
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOfLargest(importer.child.pid ?? 0)), 250);
    const code = await importer.exited;
    clearInterval(sampler);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor((samples.length - 1) * q))] ?? 0;
    const quarters = [0.25, 0.5, 0.75, 1].map(at);
    const peak = Math.max(...samples);
    const summary = importer.stderr().trim().split("\n").at(-1) ?? "";
    const pass = code === 0 && peak < 200 && (quarters[3] ?? 0) - (quarters[0] ?? 0) < 40;
    record({
      scenario: `Importer on a ${short ? "100 MB" : "1 GB"} generated file`,
      done: `${records.toLocaleString("en-US")} generated articles, \`npm run index -- file --dry-run\``,
      figures: {
        "RSS at 25/50/75/100% (MB)": quarters.map((value) => value.toFixed(0)).join(" / "),
        "peak RSS (MB)": peak.toFixed(0),
        importer: summary,
      },
      target: "peak RSS < 200 MB, flat (last quarter within 40 MB of the first)",
      pass,
    });
    expect(code).toBe(0);
    expect(peak).toBeLessThan(200);
  }, 900_000);
});
