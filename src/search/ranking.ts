/**
 * @module search/ranking
 * Every ranking weight in one place. The request works in two stages: a recall query that finds
 * candidates cheaply (the stemmed words, the words as typed in titles within a typo or as a prefix,
 * the completion most titles use of the word being typed), then a rescore of the top window with
 * the signals that only reorder it (a title the query names, exact forms, phrase, word pairs,
 * recency). docs/ranking.md has the figures that chose them.
 */
export const RANKING = {
  // BM25 itself is set in mappings/articles.json (`similarity.default`): full length normalisation
  // and slower saturation, so a short text holding the query words is about them and a text that
  // keeps coming back to a word is about it.
  /**
   * Field weights for the stemmed match. Equal: BM25's length normalisation already lifts a word
   * in a short title above the same word in a long body, and extra title weight let headlines that
   * share one common word outrank the article that answers a question.
   */
  fields: { title: 1, lead: 1, body: 1 },
  /**
   * The words are scored across title, lead and body as if one field, so a word in the title and
   * another in the body both count, and sections of one story do not tie on their titles alone.
   */
  matchType: "cross_fields",
  /**
   * A query of up to this many words finds only articles holding every one; a longer one, articles
   * holding any, ranked by how many and how well (questions carry many words the answer does not
   * repeat).
   */
  everyWordUpTo: 2,
  /**
   * A question: any of its words, whatever their number. The question word it opens with is left
   * out (query-parser.ts) and هي is a stop word, so "من هي عائلة روتشليد" keeps two, and an answer
   * need not repeat the question's other word.
   */
  questionMinimumShouldMatch: "1",
  /**
   * Any word: articles holding only some words of a two-word query still come, far below those
   * with both (with more words, or a question, the words' own clause already wants only one).
   */
  relaxedBoost: 0.1,
  /**
   * Newest first, no score orders the page, so an article holds every word (of a longer query all
   * but a quarter, of a long one half): wanting any word, as relevance order can afford, filled the
   * page with the newest articles holding one common word. When none holds that many, the page
   * takes those holding all words but one (of a long query half) rather than going empty.
   */
  newest: { minimumShouldMatch: "4<-25% 8<50%", fallbackMinimumShouldMatch: "1<-1 4<50%" },
  /**
   * The typed alternative: the words as written in the title or lead, within a typo, the last one
   * (while the reader types) as the start of a word. It finds a headline recalled with a misspelt
   * or unfinished word, and lifts titles holding the words typed well above texts that merely
   * mention them. Built for reader-length queries only; a question of that length gets it in the
   * rescore alone, every word as typed.
   */
  typed: {
    boost: 5,
    maxWords: 4,
    /**
     * Every word, each as typed (within a typo, or begun), in the title or lead. A title missing one
     * of three or four words is not the headline recalled, and counted it would go above the
     * articles holding every word (الاتحاد الأوروبي لكرة القدم for الاتحاد السعودي لكرة القدم).
     */
    minimumShouldMatch: "100%",
    /** A completed prefix counts less than the whole word typed. */
    prefixBoost: 0.5,
    /**
     * Added to a completion that starts as typed, article included: السيس is السيسي, not سيسيل,
     * though both start سيس once the article is dropped.
     */
    writtenStartBonus: 2,
    /**
     * Added to a title holding the completion of the word being typed that most titles matching
     * the query use (بوت: بوتين, not بوتان), as the suggestions offer it first; in the first stage,
     * so that its titles reach the rescore window.
     */
    likeliestCompletionBonus: 40,
    /** Titles that must use a completion for it to be likeliest: one title's word may be chance. */
    likeliestCompletionMinTitles: 2,
    /**
     * The word being typed is read as finished (as if a space followed it) when at least this many
     * bodies per title beginning with it hold it whole, and a page's worth do: ظهرا is a word news
     * writes, not ظهران begun; بوت begins بوتين in far more titles than bodies hold it.
     */
    finished: { bodiesPerTitleBegun: 1, minBodies: 10 },
  },
  /** A suggested title holding a typed word whole goes before one that merely completes it. */
  suggestWholeWordBoost: 2,
  /**
   * A suggested title holding the words typed side by side, in order (ابو ظ: أبو ظبي), goes before
   * one holding them apart; less than a whole word, which says more about what was meant.
   */
  suggestSideBySideBoost: 1,
  /**
   * A two-word name being typed (عبد الل, أبو ظ) scores in its other spelling what it scores as
   * typed, less this: the spelling typed first, then the other, before titles merely holding the
   * words apart (أبو سبعان … ظروفه).
   */
  otherNameSpellingDiscount: 0.5,
  /**
   * Titles read for each one offered: room to drop repeated titles and to see which completion of
   * the word being typed the newest titles use most, which goes first (بوت: بوتين before بوتان).
   */
  suggestCandidatesPerTitle: 4,
  /**
   * The first stage matches the words as spelt (stemmed, the last one also as a prefix while the
   * reader types). When it finds fewer articles than this, the search is asked again for articles
   * holding only some of the words, and within typos when a typo is likely (build-search.ts, Recall).
   */
  strictEnough: 10,
  /**
   * Titles holding every word as typed that vouch for a rare word among the many articles its stem
   * finds: one or two may share a reader's misspelling (كرونا, whose stem is football's). Titles
   * holding a word as typed that vouch for it as meant, in a subject typed (typedSubject).
   */
  vouchingTitles: 3,
  /**
   * Typo tolerance: below four letters as typed only a letter left out (short Arabic words are a
   * letter apart from other real words), one edit from four, two from eight to twelve letters of
   * the word without its article (longer words are rare, and two edits of them cost the most), and
   * none beyond twenty (a word that long is not a typo but an attack).
   */
  typos: {
    oneEditFrom: 4,
    twoEditsFrom: 8,
    twoEditsUpTo: 12,
    maxLetters: 20,
    /** Any letter may be the mistyped one, the first too. */
    prefixLength: 0,
    /**
     * A long word's second edit keeps the first letter after the article: two edits from any
     * letter would be most of a misspelt search's cost, and one edit still reaches a first letter.
     */
    secondEditPrefixLength: 1,
    /**
     * A completion's typo keeps the word's first letter: the completion field holds every start of
     * every title word, and expanding a typo from any letter of it costs several searches' worth.
     */
    completionPrefixLength: 1,
    /**
     * A one-edit typo looked for in the title words' starts as written (article kept) as well:
     * from any letter, so a slip in the article (ارعربية, االضرائب) or in a word's first letter
     * (ثارب) is forgiven. One edit even where two are allowed: two from any letter cost most.
     */
    completionAsWrittenPrefixLength: 0,
    maxExpansions: 20,
    /**
     * The tolerant recall also reads a word the suggesters found rare as one of their likeliest
     * spellings, in any field: the first is not always the word meant; more cost more than they find.
     */
    likelierSpellings: 2,
    /** Those readings score below the words as typed: a typo alternative must not outrank them. */
    likelierSpellingBoost: 0.5,
    /**
     * A question or a longer query reads a rare word beside its likelier spellings only when at
     * most this many articles hold it as typed, or its likeliest spelling is held by slipRarerBy
     * times as many: its many words include real ones a letter away from commoner ones (حمزة,
     * نشبت), whose readings would cost a request and bring other subjects in, while a misspelling
     * many writers share (الكرونا) is still far rarer than the word meant.
     */
    slipHeldByUpTo: 2,
    slipRarerBy: 20,
    /** Where those counts stop: the word as typed's here, its spelling's slipRarerBy times further. */
    slipCountedUpTo: 100,
    /**
     * The same for the starts of title words the suggestions look in: far denser than whole words,
     * a start has more than 20 neighbours a typo away, and those Lucene keeps go by the alphabet.
     */
    startMaxExpansions: 50,
    /**
     * A word of this many letters may be a longer one with a letter left out, the commonest slip
     * (tolerant recall and suggestions, titles only): an insertion alone reaches far fewer words
     * than any edit.
     */
    letterLeftOutOf: 3,
    /** A letter left out counts as fuzzy matching weighs one edit in a four-letter word. */
    letterLeftOutBoost: 0.75,
    /**
     * A likeliest slip undone (a letter pressed twice, a hamza typed as the letter it sits on)
     * counts above any word a typo away (fuzzy matching weighs one edit at most 1 − 1/20) and below
     * the word as typed.
     */
    likeliestSlipBoost: 0.96,
    /**
     * The same word's other readings a typo away, where it has a doubled letter: scaled down, since
     * fuzzy matching scores each with its own shard's statistics and a rare neighbour can outweigh
     * the likelier reading.
     */
    besideDoubledLetterBoost: 0.8,
    /**
     * A typo found among the title's words as written (`title.words`, no norms) scaled to the
     * scale of the word as typed in `title.exact`: without norms BM25 scores a word as if its title
     * were one word long, so a typo would outrank the word as typed.
     */
    writtenFormScale: 0.45,
  },
  /** A last word shorter than this is not completed (one letter begins too many words to complete). */
  prefixMinLetters: 2,
  /**
   * Second stage: the top `windowSize` candidates (per shard) are rescored with the signals below,
   * added to their first-stage score. Pages beyond the window keep the first-stage order.
   */
  rescore: { windowSize: 200, queryWeight: 1, rescoreQueryWeight: 1 },
  /** The word as typed (normalised, unstemmed, article aside) beats a stem-only match. */
  exactBoost: 0.5,
  /**
   * One word searched whole, held as typed (article aside): a flat bonus, so a page of articles
   * holding it goes before those holding only another word the stemmer joins to it.
   */
  wholeWordBonus: 10,
  /**
   * The query holds every word of an article's title: the reader named that article, as one names
   * a person or pastes a headline. A flat bonus, large against a typical top score (docs/ranking.md).
   */
  titleNamedBoost: 10,
  /**
   * A query of this many words or more found whole, side by side as typed: a flat bonus, so an
   * article about the subject typed goes before texts that hold its words apart.
   */
  sideBySide: { fromWords: 3, bonus: 20 },
  /**
   * A query of this many words or more, every word in the article (stemmed, anywhere): a flat
   * bonus, so an article holding them all goes before one holding all but one; half sideBySide's,
   * so texts holding the words apart stay below those holding them side by side.
   */
  everyWord: { fromWords: 3, bonus: 10 },
  /** Two words or more adjacent in the order typed: a phrase, a little slop for inserted particles. */
  phraseBoost: 1,
  phraseSlop: 2,
  /**
   * Each pair of adjacent query words found side by side: proximity short of the whole phrase
   * (three words or more; two words' one pair is the phrase).
   */
  pairBoost: 0.2,
  /**
   * Recency, in the rescore window: a decay added to the score (at most `recencyWeight`), half as
   * strong every `recencyHalfLife`. Small, so relevance leads; exact ties fall to the newer article.
   */
  recencyWeight: 0.6,
  recencyHalfLife: "60d",
  /**
   * "Did you mean": a word is corrected only when it is rare (in at most `maxTermFreq` of the
   * articles) and a word one or two edits away (as typos above) is in more than
   * `minSuggestionFreq` articles, or no title holds it as typed and a title's word one edit away
   * (its article included) is in more than `minSuggestionFreq` titles; the correction is shown
   * only when the query as typed finds nothing with every word and the corrected one does.
   */
  didYouMean: {
    maxTermFreq: 0.0002,
    minSuggestionFreq: 1,
    /**
     * Of corrections changing as many words, one whose words an article holds within this many
     * positions of one another is preferred: a reader recalls words a sentence or headline holds.
     */
    nearSlop: 8,
    /**
     * Articles holding a correction's words near one another are counted up to this many: enough
     * to tell a pair news writes together from words a text or two hold within the slop by chance
     * (see frequencyPerStep).
     */
    nearCountedUpTo: 100,
    /**
     * A correction held by this many times as many articles as a likelier typo's goes ahead of it
     * by one step of typoLikelihood (a letter left out against one mistyped, say); and one whose
     * words this many times as many articles hold near one another goes ahead of a correction as
     * likely shown before it (ريال مدريد before ريال مجرد).
     */
    frequencyPerStep: 10,
    /**
     * The suggesters look at this many of a query's words that could be typos, the first ones:
     * each rare word costs a walk of the index's vocabulary, so a query of many made-up words cost
     * more than any reader's search, and a reader's slips are seldom more than one or two.
     */
    maxWords: 4,
    /**
     * A word typed alone that no article holds is searched as its correction when this many
     * articles hold the correction (a page's worth): fewer would leave most of the page to the
     * words a typo away, which are then read together as before, the correction suggested.
     */
    searchedFrom: 10,
  },
  /** Elasticsearch stops collecting after this and returns what it has, flagged as partial. */
  timeout: "2s",
  /**
   * Related coverage (more-like-this). Many terms with a low bar describe a story better than a
   * few; words in more than `maxDocFreqRatio` of the articles say nothing about which story it is.
   */
  related: {
    maxQueryTerms: 60,
    minTermFreq: 1,
    minDocFreq: 2,
    maxDocFreqRatio: 0.1,
    /**
     * A tenth of the terms, but four at least: where few terms are picked (a short article, or a
     * shard holding few articles, each picking its own), a tenth is one word like عام.
     */
    minimumShouldMatch: "4<4 40<10%",
    /**
     * Each term weighs as the article weighs it (tf·idf against its strongest term): the actors and
     * places it keeps naming count above the long tail of words said once, which is what tells
     * the same event's coverage from another event sharing one name.
     */
    boostTerms: 1,
    /**
     * A short item (a headline-only brief) cannot hold a tenth of a long article's terms: it is
     * matched on `briefMinimumShouldMatch` of them when its headline holds as many words of the
     * article's headline and lead (`briefHeadlineTerms` picked from them), i.e. names its actors.
     */
    briefMinimumShouldMatch: "3",
    briefQueryTerms: 25,
    briefHeadlineTerms: 25,
    /** An opening paragraph shorter than this is a dateline or credit line, not the lead. */
    leadMinWords: 8,
    /**
     * The same event is covered within days: the score is multiplied by 1 + `sameEventWeight` on
     * the article's date, by 1 + half of it `sameEventScale` away; months apart, the topic alone ranks.
     */
    sameEventScale: "7d",
    sameEventWeight: 1,
    /** A draft has no date of its own: recent coverage is preferred, gently (added, not multiplied). */
    draftRecencyScale: "90d",
    recencyWeight: 0.5,
  },
  /**
   * A story's timeline: the related coverage published within this many days either side of its
   * first report, where an event's follow-ups (reactions, inquiries, outcomes) fall; wider brings
   * in the topic rather than the event.
   */
  timelineWindowDays: 14,
  /**
   * A timeline keeps the related stories scoring at least this share of the best one: below it
   * a story shares the topic's vocabulary rather than the event.
   */
  timelineMinShareOfBest: 0.25,
  /**
   * A query in Latin letters whose keys spell Arabic (search/keyboard-layout.ts). One word is
   * little evidence: its Arabic reading goes first only when at least this share of the articles
   * hold it (lwv: مصر), else only when the Latin finds nothing (ali and bank spell rare words, شمه
   * and لاشين).
   */
  keyboardLayout: { oneWordMinShare: 0.001 },
  /**
   * Latin words of a query naming what Arabic news writes in Arabic letters (search/latin-names.ts).
   * maxWords: more is a sentence, not a name; spellingsPerWord: the spellings of a word's sounds
   * counted, those reading the fewest letters their second way; nearWords: index words a letter
   * from the likeliest spelling, most frequent first, whose consonants are compared;
   * minConsonants: fewer are too little to compare, and such a near word must be a spelling with
   * a letter put in; nearReadings: a near word counts as this many second readings;
   * perSecondReading: a candidate's articles are divided by this for each, so a likelier reading
   * goes before a commoner word a less likely one spells (حماس before همس); timesAsMany: the Arabic
   * must be held by this many times as many articles as the Latin word, which a name quoted in
   * Latin letters (an English caption) is not; maxShare: a word more of the articles hold is a
   * function word, not a name (ali spells الي, إلى).
   */
  latinNames: {
    maxWords: 4,
    spellingsPerWord: 8,
    nearWords: 10,
    minConsonants: 3,
    nearReadings: 1,
    perSecondReading: 10,
    timesAsMany: 3,
    maxShare: 0.25,
  },
} as const;
