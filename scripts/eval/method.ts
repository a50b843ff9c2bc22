/**
 * @module eval/method
 * The fixed part of docs/relevance.md: how the figures are produced and how to read them.
 * Generated sections follow it, one per dataset.
 */
export const METHOD = `
# Relevance

Measured by \`npm run eval -- arcd|known-item|related|typed|topics|words|dym|suggest|keys|copies|all\` (scripts/eval/). Each run
loads the corpus into fresh indices on the same Elasticsearch and sends every query to every system,
query by query, after a short untimed warm-up (\`copies\` judges copy detection itself, without an
index). This file is regenerated from docs/eval/<dataset>.json.

Systems:

- **standard**: title and body analysed by Elasticsearch's \`standard\` analyzer; a plain
  \`multi_match\` over title and body (related: stock \`more_like_this\` with every default).
- **arabic**: the same with Elasticsearch's stock \`arabic\` analyzer.
- **project**: the index built from mappings/articles.json by the project's importer, searched
  through the SearchService /api/search calls (src/search/service.ts), unchanged: one result per
  near-duplicate group, the rescore window, highlighting, the recency decay and every request it
  makes (the strict first stage, the tolerant one when that finds few articles or a word looks
  mistyped, the page's articles, counting copies, the unquoted retry when a quoted phrase finds
  nothing, the "did you mean" check) included, facets off as /api/search has them unless asked; the round trip
  and \`took\` count all of them. Related coverage uses the request builder
  /api/related uses (build-related.ts).

Typed queries (\`typed\`, \`dym\`): titles of four words or more that name one story, half from
SaudiNewsNet and half from ANT, both indexed together. A reader keeps two or three of the title's
words in order (no function words, no digits) and makes one typo in a word of four letters or
more: a letter dropped, two adjacent letters swapped, a neighbouring key of the Arabic PC layout,
or a letter doubled (src/eval/typos.ts). In \`typed\`, when the typo is in another word, the last
word is left unfinished half the time: cut to 60% of its letters (three at least). The title's
story is the one relevant answer. \`typed\` compares the project with the whole stock family: analyzer \`standard\` or
\`arabic\` × \`multi_match\` over title and body with or without \`fuzziness: AUTO\`, with
\`type: bool_prefix\` or not, \`title^2\` or not (named e.g. \`arabic+fuzzy+bool_prefix+title^2\`);
the target is set against the best of them. **handtuned** is a reference, not a target: title and
body under both stock analyzers (\`most_fields\`, one edit allowed from four letters, title
weighted up) plus the typed words as a title \`match_phrase_prefix\`. \`typed\` also asks the
project and the best stock variant the same kind of queries recalled from a sentence (6–20 words)
of a sampled article's body, whose story is then the relevant answer (rows \`…, body sentences\`):
a typo in a word no title holds. \`dym\` asks the project
misspelt queries (one typo, nothing cut) and as many correctly spelt ones (the same recall, no
typo): "shown" is the share given a suggestion; a suggestion is accurate when, compared word by
word after normalizeArabic with a leading article ignored, it spells the words the reader meant.
It asks the same again of words recalled from a sentence (6–20 words) of a sampled article's body,
so that a gain on headlines is seen not to come from the headlines alone; the target is read on the
headline sets. A third misspelt set (row \`…, a long vowel left out\`) has for its typo a long vowel
left out (فيرس for فيروس), a spelling writers use rather than a slip. \`suggest\` asks for eight titles as a headline is typed: two or three of its words
in order, the last one unfinished (cut as in \`typed\`), and a second set with one typo as well
(rows named "…, one typo"). The project answers through \`SearchService.suggest\` (/api/suggest);
the stock queries are what an index offers a search box out of the box, the title under the
\`arabic\` analyzer with \`match_bool_prefix\` (the last word a prefix), with and without
\`fuzziness: AUTO\`. The headline's story is the relevant answer. The notes also say whether Enter
finds what was offered: the project's search for the same text (/api/search), and the share of
queries whose first suggested story is on its first page, and of the first three suggested stories;
also for a third set of headlines' words typed whole with a space after the last, which the
suggestions, as the search, read as finished.
\`keys\` recalls headlines as \`typed\` does and writes them as the same keys show on the US
layout (lam-alef as its two letters), for a reader who left the keyboard there (السيسي: hgsdsd):
once without a typo and once with one (rows "…, one typo"); the row "project, in Arabic letters"
asks the first set as meant, its ceiling. The "Latin title words" rows ask the Latin words titles
hold (three letters or more) as written, and again with the middle letter of those of five or more
left out: every story whose title holds the word is relevant, and the notes count how many the
project searched as Arabic keys instead. No target.

Topics (\`topics\`): a reader types a subject to follow rather than a headline: three or four words
a headline holds side by side that 10 to 300 stories of SaudiNewsNet + ANT hold (src/eval/topics.ts),
drawn with the seed and typed as the headline wrote them. Every story holding the words side by side
and in order (title, lead or body, compared as the exact sub-fields index them) is relevant, so P@10
is the share of the page holding what was typed. The rows "…, newest first" ask the same sorted by
date: the stock queries as a developer would sort them, the project with \`sort=newest\`.

Words (\`words\`): one word typed alone, the commonest news search: a word of the headlines (4–9
letters) that 10 to 300 stories of SaudiNewsNet + ANT hold (src/eval/words.ts), drawn with the
seed and typed without a space after it four ways (rows "…, spelt right", "…, one typo", "…, a long
vowel left out", "…, cut short"). Every story holding the word meant (title, lead or body, as the
exact sub-fields index it) is relevant, so P@10 is the share of the page holding the word meant. The
row "…, two words no headline holds together" asks a subject in two words: one of an article's
headline, one of its text, that 10 stories or more hold together and no headline does; every story
holding both is relevant. The row "…, three words no headline holds together" asks the same with
two words of the text; every story holding all three is relevant.

Judging: a result is judged by its story (the near-duplicate group the importer gave it), so a
verbatim copy of the relevant article counts as finding it, and a story shown twice is credited once
— what folding copies does for readers, applied to every system alike. Metrics are at 10 results:
MRR (1/rank of the first relevant result), Recall, nDCG (binary gain), Precision (for related
coverage, topics and words; "raw" counts every same-category hit, copies of the source article included).
"missed" is the share of queries with no relevant result in the top 10. Latency: p50/p95 of the
round trip seen by the client (one request at a time), and p50 of Elasticsearch's own \`took\`.
`;
