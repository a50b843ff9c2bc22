/**
 * npx tsx scripts/es/golden-tokens.ts [--write]
 * The inputs of mappings/golden-tokens.json, one group per rule of the analysis chain, and their
 * tokens as the configured (or local) cluster gives them on a fresh index from mappings/. Without
 * --write it only lists where the committed fixture and the cluster disagree; --write replaces the
 * fixture, which is done when a rule changes on purpose, and the new tokens are read before commit.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { loadIndexDefinition, readWordList } from "../../src/es/index-definition.js";
import { createPhysicalIndex } from "../../src/es/indices.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import {
  analyzeTexts,
  compareTokens,
  describeDifference,
  type GoldenCase,
  type GoldenTokens,
  goldenTokensFile,
  loadGoldenTokens,
} from "../../src/es/verify-analysis.js";
import { projectRoot } from "../../src/project-root.js";

/** The index analyzers and the search analyzers of mappings/articles.json's text fields and sub-fields. */
const ANALYZERS = [
  "arabic_news",
  "arabic_news_search",
  "arabic_news_exact",
  "arabic_news_word",
  "arabic_news_autocomplete",
  "arabic_news_word_starts",
];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

const HANDWRITTEN: Record<string, string[]> = {
  normalisation: [
    ...words("هاتفياً الرَّئِيسُ مُحَمَّدٌ كِتَابٌ السَّلَامُ وَالْمُسْلِمُونَ الصـــين الحكـومة"),
    ...words("أحمد إحمد آحمد احمد إسلام آمال أمل ٱلرحمن ٱلله السيسى النووى مستشفى مصطفى"),
    ...words("مدرسة مدرسه الجامعة جامعه رحمٰن إسحٰق"),
    "ا\u0653مال",
    "سا\u0654ل",
    "الص\u200Cين\u200F",
    "\u200Bغزة",
    "سوريا\u200E",
    "ال\uFEFFقدس",
    "بير\u200Dوت",
    "مصر\u061C",
    ...words("جمييييل رااائع مرحبااا شكراااا ههههه"),
    ...words("Google COVID iPhone UNESCO"),
  ],
  "hamza seats": words(
    "مسؤول مسئول مسءول شؤون شئون رئيس رئيسة هيئة بيئة بيئه فئة سائق مائة مئة مسألة سؤال يسأل " +
      "قراءة جزء شيء سماء مؤتمر مؤسسة تأثير أسئلة لؤلؤ ضوء المسؤولين والمسؤولون",
  ),
  "Persian letters": words("کتاب فارسی کرکوک ڪتاب علی پاکستانے خانۀ ہلال کوردە گوگل پوتین چين ژوئن"),
  digits: [
    ...words("٢٠٢٣ ۲۰۲۳ 2023 ١٫٥ ٣,٥ ١٠٠٠ ٠٥٥١٢٣٤٥٦٧ 1.5 ٪٥٠ ۱۴۰۲"),
    "كوفيد-١٩",
    "٢٥ مايو ٢٠٢٥",
    "عام ٢٠٢٤م",
    "و2015م و1436هـ ولعام 2014م",
    "انزلقت لمسافة 140م",
  ],
  prefixes: words(
    "الكتاب والكتاب بالكتاب كالكتاب فالكتاب للكتاب وكتاب لكتاب بكتاب فكتاب ككتاب " +
      "الله الف السرطان والسرطان بالسرطان للسرطان المدينة والمدينة للمدينة ومدينة " +
      "الأسواق والأسواق والد ولد بالغ كامل فالح للغاية الاتفاق والاتفاقية",
  ),
  stemming: words(
    "معلمون معلمين معلمات معلمان معلمة كتابها كتابه سياسية سياسيه مصري المصرية الاقتصادية " +
      "اقتصادي الانتخابات انتخابات الرياضيين مشروعات سيارتهم قمتين تصريحات المفاوضات العالمي " +
      "الدولية اللاعبون وزارة وزير وزراء الوزراء أسعار النفط يكتبون تكتبين يده أخ أم",
  ),
  "ta marbuta before a pronoun": words(
    "عاصمتها حكومته زوجته بيتها مدرستكم سيارتنا رسالتكما حياتهن ولايتها قدراتهم ذاتها صوتهم " +
      "حكومتهما دولتنا شركتك",
  ),
  "final alef": words(
    "جسراً جسرا اتصالاً روسيا أمريكا الأمريكية أمريكي أوروبا الأوروبي آسيا الآسيوي أفريقيا " +
      "الأفريقية إيطاليا الإيطالي ألمانيا الألمانية كندا شكرا جدا دائما أبدا غدا دعا قضايا ضحايا مزايا",
  ),
  "hamza after ي at the end": words(
    "طوارئ طواريء طوارىء الطواريء لاجئ لاجيء لاجئين لاجئة مبادئ مباديء شاطئ الشاطيء قارئ " +
      "قاريء مفاجئ مفاجيء بريء بريئة البريء شيء شيئا بطيء بطيئة مجيء",
  ),
  "everyday words synonyms must leave alone": words(
    "كيف متى أين لماذا هل على بعد قبل اليوم أمس جديد رئيس حكومة مدينة سوق كييف تويتر",
  ),
  phrases: [
    "وصلَ الرئيسُ إلى بكين، والتقى للمرة الأولى بالمسؤولين «الصينيين» يوم ٢٣ أيار (مايو) 2025.",
    "السيسى يستقبل رئيس مجلس الدوما الروسي ويؤكد متانة العلاقات مع موسكو",
    "ارتفاع أسعار النفط بنسبة ٣٫٥٪ بعد قرار أوبك+",
    "زيلينسكي: أوكرانيا لن تتنازل عن أراضيها",
    "ترمب يلتقي بوتن في قمة هلسنكي",
    "الذكاء الاصطناعي يغير مستقبل الصحافة العربية",
    "مقتل ١٢ شخصاً في غارة إسرائيلية على قطاع غزة",
    "البنك المركزي المصري يرفع أسعار الفائدة ٢٠٠ نقطة أساس",
    "منتخب المغرب يتأهل إلى نصف نهائي كأس العالم",
    "هيئة الأرصاد: أمطار غزيرة على الرياض والمنطقة الشرقية",
    "وزير الخارجية الأمريكي يزور الإمارات وقطر والكويت",
    "فيس بوك وجوجل تواجهان غرامات أوروبية جديدة",
    "انتخابات رئاسية في لبنان بعد فراغ دام عامين",
    "كورونا: تسجيل ١٥٠ إصابة جديدة بكوفيد-19",
    "أردوغان يستقبل نتانياهو في أنقرة",
    "رئيس وزراء بريطانيا يصل إلى واشنطن",
    "مجموعة بريكس تبحث توسيع عضويتها",
    "شي جين بينغ يستقبل ماكرون في بكين",
    "الجيش السوداني يستعيد السيطرة على الخرطوم",
    "إطلاق iPhone 16 في دبي",
    "منصة إكس (تويتر سابقاً) تغير سياستها",
    "الولايات المتحدة الأميركية والصين تتفقان على هدنة تجارية",
  ],
};

/** Each protected name bare and behind a conjunction and a preposition. */
function protectedNameInputs(): string[] {
  return readWordList("protected_names_ar.txt").flatMap((name) => [name, `و${name}`, `ب${name}`]);
}

/** Country names the final alef lets meet their adjectives, in both genders. */
const ADJECTIVES = words(
  "الروسي الروسية السوري السورية الليبي الليبية الأوكراني الأوكرانية اليمني اليمنية الصيني " +
    "الصينية القطري القطرية السوداني السودانية الأردني الأردنية الكويتي الكويتية اللبناني " +
    "اللبنانية التونسي التونسية العماني الفلسطيني الفلسطينية البحريني",
);

/** Every spelling in mappings/synonyms_ar.txt, each of which must find the others at search time. */
function synonymInputs(): string[] {
  return readWordList("synonyms_ar.txt").flatMap((line) => line.split(/,|=>/).map((term) => term.trim()));
}

/** Every stop word as the filter lists it, and as people write the ones with hamza or ى. */
function stopWordInputs(): string[] {
  const filters = loadIndexDefinition().settings.analysis?.filter ?? {};
  const stop = filters.arabic_news_stop as { stopwords: string[] };
  return [
    ...stop.stopwords,
    ...words("إلى أن إن أو حتى إذا لدى أي أما إلا الآن إذ أنا أنت أيضاً ماهى التى الذى"),
  ];
}

function inputs(): { rule: string; text: string }[] {
  const groups: [string, string[]][] = [
    ...Object.entries(HANDWRITTEN),
    ["protected names", [...protectedNameInputs(), ...ADJECTIVES]],
    ["synonyms", synonymInputs()],
    ["stop words", stopWordInputs()],
  ];
  const seen = new Set<string>();
  const list: { rule: string; text: string }[] = [];
  for (const [rule, texts] of groups)
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      list.push({ rule, text });
    }
  return list;
}

/** What --write would change in the committed fixture, input by input; 1 when anything would. */
function reportChanges(committed: GoldenTokens, fresh: GoldenTokens): number {
  const before = new Map(committed.cases.map((item) => [item.text, item]));
  let changes = 0;
  const say = (line: string) => {
    changes++;
    process.stdout.write(`${line}\n`);
  };
  for (const item of fresh.cases) {
    const old = before.get(item.text);
    before.delete(item.text);
    if (!old) {
      say(`new input «${item.text}» (${item.rule})`);
      continue;
    }
    const report = compareTokens({ ...committed, cases: [old] }, mapTokens(fresh.analyzers, item));
    for (const difference of report.differences) say(describeDifference(difference));
  }
  for (const old of before.values()) say(`input dropped «${old.text}» (${old.rule})`);
  process.stdout.write(
    `${changes} changes from the committed fixture${changes ? " (--write to take them)" : ""}\n`,
  );
  return changes ? 1 : 0;
}

const mapTokens = (analyzers: string[], item: GoldenCase) =>
  Object.fromEntries(analyzers.map((analyzer) => [analyzer, [item.tokens[analyzer] ?? []]]));

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { write: { type: "boolean", default: false } } });
  const client = createEsClient({
    nodes: configuredOrLocalUrls(),
    config: parseEnv(ElasticsearchConfigSchema),
  });
  const index = await createPhysicalIndex(client, `golden-tokens-${randomBytes(4).toString("hex")}`);
  try {
    const list = inputs();
    const analyzed = await analyzeTexts(
      client,
      { index },
      ANALYZERS,
      list.map((item) => item.text),
    );
    const nodes = await client.nodes.info({ filter_path: "nodes.*.version" });
    const versions = [...new Set(Object.values(nodes.nodes).map((node) => node.version))];
    const cases: GoldenCase[] = list.map((item, i) => ({
      ...item,
      tokens: Object.fromEntries(
        ANALYZERS.map((analyzer) => {
          const lists = analyzed[analyzer];
          if (!Array.isArray(lists)) throw new Error(`${analyzer}: ${lists?.error}`);
          return [analyzer, lists[i] ?? []];
        }),
      ),
    }));
    const golden: GoldenTokens = {
      generatedWith: `Elasticsearch ${versions.join(", ")}`,
      analyzers: ANALYZERS,
      cases,
    };
    if (values.write) {
      writeFileSync(goldenTokensFile, `${JSON.stringify(golden, null, 2)}\n`);
      // The fixture is committed: keep it as the formatter would write it.
      execFileSync(join(projectRoot, "node_modules/.bin/biome"), ["format", "--write", goldenTokensFile], {
        stdio: "ignore",
      });
      process.stdout.write(
        `wrote ${cases.length} inputs × ${ANALYZERS.length} analyzers to ${goldenTokensFile}\n`,
      );
      return 0;
    }
    const committed = existsSync(goldenTokensFile) ? loadGoldenTokens() : { ...golden, cases: [] };
    return reportChanges(committed, golden);
  } finally {
    await client.indices.delete({ index });
    await client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
