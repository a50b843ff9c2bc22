import { describe, expect, it } from "vitest";
import { storyTextRange, stripCredits } from "./credit-lines.js";

const text =
  "أعلنت وزارة النقل اليوم افتتاح الطريق الدائري الجديد أمام حركة السير، بعد أعمال استمرت عامين.\n" +
  "وقال الوزير إن الطريق يخفف الزحام عن وسط المدينة.";

describe("stripCredits", () => {
  it.each([
    ["a dateline on its own line", `القاهرة - بوابة الوادي\n\n${text}`],
    ["an agency dateline", `الرياض - واس\n${text}`],
    ["a dateline and a byline", `عمّان - الخليج اليوم\nكتب: سامر الحوراني\n${text}`],
    ["a date line", `الأحد 3 فبراير 2025\n${text}`],
    ["a trailing source line", `${text}\nالمصدر: وكالات`],
    ["a trailing agency in brackets", `${text}\n(رويترز)`],
    ["a trailing signature", `${text}\n\nأ ف ب`],
    ["both ends", `دبي - وكالات\n${text}\nمصدر الخبر: وكالة الأنباء الرسمية\n`],
  ])("drops %s", (_name, body) => {
    expect(stripCredits(body)).toBe(text);
  });

  it.each([
    ["city and agency in brackets", "القاهرة (رويترز) - "],
    ["agency then city, colon", "سبق- الدمام: "],
    ["reporter, agency and city", "عوض الفهمي- سبق- أضم: "],
    ["city and agency with an en dash", "الرياض – واس: "],
  ])("drops a dateline opening the first paragraph: %s", (_name, dateline) => {
    expect(stripCredits(`${dateline}${text}`)).toBe(text);
  });

  it("keeps the text when the first line is a sentence", () => {
    expect(stripCredits(text)).toBe(text);
    const opening = "قال مسؤول في الوزارة، اليوم، إن الطريق سيفتح غدا.\nوأضاف أن الأعمال انتهت.";
    expect(stripCredits(opening)).toBe(opening);
  });

  it("keeps a dash that is not a dateline's: too many words before it", () => {
    const body = "لقي شخصان مصرعهما في حادث انقلاب على طريق تربة - الطائف صباح اليوم";
    expect(stripCredits(body)).toBe(body);
  });

  it("keeps a closing paragraph that is a sentence", () => {
    const body = `${text}\nوالله ولي التوفيق.`;
    expect(stripCredits(body)).toBe(body);
  });

  it("gives the whole body back when stripping would leave nothing", () => {
    expect(stripCredits("القاهرة - بوابة الوادي")).toBe("القاهرة - بوابة الوادي");
    expect(storyTextRange("")).toEqual({ start: 0, end: 0 });
  });

  it("gives a range into the body, without copying it", () => {
    const body = `الرياض - واس\n${text}`;
    const { start, end } = storyTextRange(body);
    expect(body.slice(start, end)).toBe(text);
  });
});
