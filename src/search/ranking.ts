/**
 * @module search/ranking
 * Every ranking weight in one place. Scores add up: a document that matches the stemmed words
 * is a candidate; exact forms, phrases and title matches lift it; recency only breaks near-ties.
 */
export const RANKING = {
  // BM25 itself is set in mappings/articles.json (`similarity.default`): full length normalisation
  // (b 1, stock 0.75) and slower saturation (k1 2, stock 1.2). A short text that holds the query
  // words is about them, a long one mentions them in passing; a text that keeps coming back to a
  // word is about it (ARCD MRR 0.71 → 0.75 at k1 1.6, b 1; 0.773 → 0.780 from k1 1.6 to 2).
  /**
   * Field weights for the stemmed match. Equal: BM25's length normalisation already lifts a word
   * in a short title above the same word in a long body, and any extra title weight let headlines
   * that share one common word outrank the article that answers the query (ARCD MRR 0.71 at 1,
   * 0.65 at 1.5, 0.35 at 3).
   */
  fields: { title: 1, lead: 1, body: 1 },
  /**
   * The words are scored across title, lead and body as if one field (`cross_fields`), so a word
   * in the title and another in the body both count. With `best_fields` only the better field
   * counted, and articles whose titles match equally (sections of one story) tied however well
   * their texts answered the rest of the query (ARCD MRR 0.75 → 0.77).
   */
  matchType: "cross_fields",
  /**
   * The word as typed (normalised, unstemmed) beats a stem-only match (الصينية for الصين). The
   * `exact` fields drop the definite article (`arabic_news_word`), so السرطان meets an article
   * titled سرطان as the word it is (ARCD MRR 0.762 → 0.773).
   */
  exactBoost: 0.5,
  /**
   * The query holds every word of an article's title (as the exact fields index it, so spelling
   * variants and the article aside): the reader named that article, as one names a person, a place
   * or pastes a headline. A flat bonus, about a third of a typical top score, so it lifts the named
   * article above texts that merely mention the name, not above everything (ARCD MRR 0.780 → 0.796;
   * 4: 0.789, 20: 0.794).
   */
  titleNamedBoost: 10,
  /** Words adjacent in the order typed: a phrase match, a little slop for inserted particles. */
  phraseBoost: 1,
  phraseSlop: 2,
  /** Adjacent word pairs (shingles): a light proximity signal beyond the phrase (more cost ARCD MRR). */
  shingleBoost: 0.1,
  /** Typo tolerance: a weak alternative, only for words of 6+ letters (1 edit) or 10+ (2 edits). */
  fuzzyBoost: 0.3,
  fuzziness: "AUTO:6,10",
  fuzzyPrefixLength: 2,
  fuzzyMaxExpansions: 20,
  /**
   * Words that must match for the full score: both of a two-word query (relaxedBoost below for
   * the rest); beyond that any, ranked by how many and how well (questions carry many words the
   * answer does not repeat; requiring most of them lost the answer for a third of ARCD questions).
   */
  minimumShouldMatch: "2<1",
  /**
   * Relaxation: articles holding only some of the words of a two-word query still come, scored at
   * this fraction, so below those holding both instead of an empty page (ARCD misses 56 → 52, MRR
   * 0.795 → 0.799).
   */
  relaxedBoost: 0.1,
  /** The all-words typo-tolerant alternative is built for reader-length queries only. */
  fuzzyMaxWords: 4,
  /**
   * Recency: a decay added to the score (at most `recencyWeight`), half as strong every
   * `recencyHalfLife`. Small, so relevance leads; exact ties then fall to the newer article.
   */
  recencyWeight: 0.6,
  recencyHalfLife: "60d",
  /**
   * Related coverage (more-like-this). Many terms with a low bar describe a story better than a
   * few; words in more than `maxDocFreqRatio` of the articles say nothing about which story it is.
   */
  related: {
    maxQueryTerms: 60,
    minTermFreq: 1,
    minDocFreq: 2,
    maxDocFreqRatio: 0.1,
    minimumShouldMatch: "10%",
    sameStoryScale: "20d",
    recencyWeight: 0.5,
  },
} as const;
