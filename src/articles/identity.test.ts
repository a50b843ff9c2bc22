import { describe, expect, it } from "vitest";
import { articleId, normalizeUrl } from "./identity.js";

describe("normalizeUrl", () => {
  it.each([
    ["https://WWW.Example.com/news/1/", "example.com/news/1"],
    ["http://example.com/news/1#comments", "example.com/news/1"],
    ["https://example.com/a?utm_source=x&b=2&fbclid=y&a=1", "example.com/a?a=1&b=2"],
    ["https://example.com/a?utm_medium=x", "example.com/a"],
    ["https://example.com/a?", "example.com/a"],
    ["https://example.com:8443/a//", "example.com:8443/a"],
    ["https://example.com/", "example.com/"],
    ["https://example.com/%D8%AE%D8%A8%D8%B1", "example.com/خبر"],
    ["https://example.com/%E0%A4%A/x", "example.com/%E0%A4%A/x"],
    ["  https://example.com/b?x=1  ", "example.com/b?x=1"],
  ])("%s → %s", (raw, normal) => {
    expect(normalizeUrl(raw)).toBe(normal);
  });

  it("gives one id to one page however it was linked", () => {
    const base = { source: "s", title: "t", published_at: "2024-01-01T00:00:00.000Z" };
    const ids = [
      "https://www.example.com/news/1/?utm_campaign=z#top",
      "https://example.com/news/1",
      "HTTPS://EXAMPLE.COM/news/1",
    ].map((url) => articleId({ ...base, url }));
    expect(new Set(ids).size).toBe(1);
  });
});
