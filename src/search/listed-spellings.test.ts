import { describe, expect, it } from "vitest";
import { listedSpellings, spellingsFromRules } from "./listed-spellings.js";

describe("spellingsFromRules", () => {
  it("lets each one-word spelling of a rule find the others, by exact form, as written", () => {
    const spellings = spellingsFromRules(["كورونا, كوفيد, كوفيد-19", "ترامب, ترمب"]);
    expect(spellings.get("كوفيد")).toEqual(["كورونا"]);
    expect(spellings.get("كورونا")).toEqual(["كوفيد"]);
    expect(spellings.get("ترمب")).toEqual(["ترامب"]);
  });

  it("keys a spelling by the form the exact fields index (normalised, no article)", () => {
    const spellings = spellingsFromRules([
      "الإمارات, الامارات العربية المتحدة, دولة الإمارات",
      "أمريكا, أميركا",
    ]);
    expect(spellings.get("امارات")).toBeUndefined();
    expect(spellings.get("امريكا")).toEqual(["أميركا"]);
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
  });
});
