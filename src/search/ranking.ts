/**
 * @module search/ranking
 * Every ranking weight in one place. Scores add up: a document that matches the stemmed words
 * is a candidate; exact forms, phrases and title matches lift it; recency only breaks near-ties.
 */
export const RANKING = {
  /**
   * Field weights for the stemmed match: the title says what the story is, the lead summarises it.
   * Kept modest: at 3× a headline that merely shares a common word outranks the article that
   * answers the query (measured: ARCD MRR fell by a third).
   */
  fields: { title: 1.5, lead: 1.2, body: 1 },
  /** The word as typed (normalised, unstemmed) beats a stem-only match (الصينية for الصين). */
  exactBoost: 1.5,
  /** Words adjacent in the order typed: a phrase match, a little slop for inserted particles. */
  phraseBoost: 2,
  phraseSlop: 2,
  /** Adjacent word pairs (shingles): rewards proximity without demanding the whole phrase. */
  shingleBoost: 1,
  /** Typo tolerance: a weak alternative, only for words of 6+ letters (1 edit) or 10+ (2 edits). */
  fuzzyBoost: 0.3,
  fuzziness: "AUTO:6,10",
  fuzzyPrefixLength: 2,
  fuzzyMaxExpansions: 20,
  /**
   * Words that must match among the typed ones: all of one or two, all but one of three or four,
   * half of longer queries (questions carry words the answer does not repeat).
   */
  minimumShouldMatch: "2<-1 4<50%",
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
