import { describe, expect, it } from "vitest";
import {
  completeListedName,
  listedSpellings,
  listedWordsIn,
  spellingsFromRules,
  spellingsOf,
} from "./listed-spellings.js";

describe("spellingsFromRules", () => {
  it("lets each spelling of a rule find the others, by exact form, as written", () => {
    const spellings = spellingsFromRules(["كورونا, كوفيد, كوفيد-19", "ترامب, ترمب"]);
    expect(spellings.get("كوفيد")).toEqual(["كورونا", "كوفيد-19"]);
    expect(spellings.get("كورونا")).toEqual(["كوفيد", "كوفيد-19"]);
    expect(spellings.get("ترمب")).toEqual(["ترامب"]);
  });

  it("keys a spelling by the forms the exact fields index (normalised, no article), in any number of words", () => {
    const spellings = spellingsFromRules([
      "الإمارات, الامارات العربية المتحدة, دولة الإمارات",
      "أمريكا, أميركا",
      "أبو ظبي, أبوظبي",
    ]);
    expect(spellings.get("امارات")).toEqual(["الامارات العربية المتحدة", "دولة الإمارات"]);
    expect(spellings.get("امريكا")).toEqual(["أميركا"]);
    expect(spellings.get("ابو ظبي")).toEqual(["أبوظبي"]);
    expect(spellings.get("ابوظبي")).toEqual(["أبو ظبي"]);
  });

  it("finds one way only across =>", () => {
    const spellings = spellingsFromRules(["إكس => إكس, تويتر"]);
    expect(spellings.get("اكس")).toEqual(["تويتر"]);
    expect(spellings.get("تويتر")).toBeUndefined();
  });
});

describe("listedSpellings", () => {
  it("reads mappings/synonyms_ar.txt, whatever form the word is typed in", () => {
    expect(listedSpellings("كوفيد")).toContain("كورونا");
    expect(listedSpellings("كـوفيد")).toContain("كورونا");
    expect(listedSpellings("كورونا")).toContain("كوفيد");
    expect(listedSpellings("مصر")).toEqual([]);
    expect(listedSpellings("كوفيد 19")).toEqual([]);
    // One word's spellings in one word: أبوظبي's other is two.
    expect(listedSpellings("أبوظبي")).toEqual([]);
    const written = (text: string) => spellingsOf(text).map((spelling) => spelling.text);
    expect(written("أبوظبي")).toEqual(["أبو ظبي"]);
    expect(written("أبو  ظبي")).toEqual(["أبوظبي"]);
  });
});

describe("listedWordsIn", () => {
  it("finds the words of a text that make up a listed spelling, of one word or more", () => {
    expect(listedWordsIn("أسعار Germany اليوم")).toEqual(new Set(["germany"]));
    expect(listedWordsIn("south korea")).toEqual(new Set(["south", "korea"]));
    expect(listedWordsIn("korea south")).toEqual(new Set());
  });
});

describe("completeListedName", () => {
  it("completes a name in Latin letters still being typed to the one listed that it begins", () => {
    expect(completeListedName("Faceb")).toBe("facebook ");
    expect(completeListedName("أخبار germa")).toBe("أخبار germany ");
    // The words before it are the name's: a letter of its last word is enough.
    expect(completeListedName("south k")).toBe("south korea ");
  });

  it("leaves a finished word, a short start, one that begins no listed name, and Arabic", () => {
    for (const q of ["germany ", "faceb,", "ger", "kor", "hgsd", "فيسب"])
      expect(completeListedName(q), q).toBeUndefined();
  });
});
