import { describe, expect, it } from "vitest";
import { HELD_BY, phrases, topicQueries } from "./topics.js";

describe("phrases", () => {
  it("reads runs of three and four recallable words, keyed by their exact forms", () => {
    const found = phrases("أعلن الاتحاد السعودي لكرة القدم اليوم");
    expect(found.get("اتحاد سعودي لكره")).toBe("الاتحاد السعودي لكرة");
    expect(found.get("اتحاد سعودي لكره قدم")).toBe("الاتحاد السعودي لكرة القدم");
    expect(found.has("اعلن اتحاد سعودي لكره قدم")).toBe(false);
  });

  it("breaks a run at function words, digits and punctuation", () => {
    expect([...phrases("وزير الخارجية في الرياض الجديدة")].length).toBe(0);
    expect([...phrases("مباراة 3 فرق كبيرة")].length).toBe(0);
    expect([...phrases("نادي الهلال، نادي النصر")].length).toBe(0);
  });
});

describe("topicQueries", () => {
  const article = (story: string, text: string, title = "") => ({ story, title, text });
  const held = (n: number, text: string, prefix: string) =>
    Array.from({ length: n }, (_, i) => article(`${prefix}-${i}`, text, i ? "" : text));

  it("draws headline phrases enough stories hold, with every story holding them", () => {
    const texts = [
      ...held(HELD_BY.min, "قرر الاتحاد السعودي لكرة القدم", "federation"),
      ...held(HELD_BY.min - 1, "افتتح معرض الكتاب الدولي", "fair"),
      // Copies of one story count once; a phrase no headline holds is no topic.
      article("fair-0", "افتتح معرض الكتاب الدولي"),
      ...held(HELD_BY.min, "اجتمع مجلس الوزراء برئاسة الملك", "cabinet").map((t) => ({ ...t, title: "" })),
      article("other", "الاتحاد السعودي لكرة السلة"),
    ];
    const topics = topicQueries(texts, { seed: 1, count: 50 });
    const queries = topics.map((topic) => topic.query);
    expect(queries).toContain("الاتحاد السعودي لكرة القدم");
    expect(queries).not.toContain("افتتح معرض الكتاب الدولي");
    expect(queries).not.toContain("اجتمع مجلس الوزراء برئاسة");
    const federation = topics.find((topic) => topic.query === "الاتحاد السعودي لكرة");
    expect(federation?.stories).toEqual(
      new Set([...texts.slice(0, HELD_BY.min).map((t) => t.story), "other"]),
    );
  });

  it("draws the same topics for the same seed", () => {
    const texts = [
      ...held(12, "قرر الاتحاد السعودي لكرة القدم", "a"),
      ...held(12, "اجتمع مجلس الوزراء برئاسة الملك", "b"),
    ];
    expect(topicQueries(texts, { seed: 7, count: 3 })).toEqual(topicQueries(texts, { seed: 7, count: 3 }));
  });
});
