/**
 * @module search/service
 * The search side's I/O: builds requests with the pure builders, sends them through the one
 * client, shapes the answers. The HTTP routes, the terminal command and the evaluation harness
 * all call these functions, so they rank identically.
 */
import type { estypes } from "@elastic/elasticsearch";
import { type ArticleDocument, INDEX_ONLY_FIELDS } from "../articles/document.js";
import { articleId } from "../articles/identity.js";
import type { EsClient } from "../es/client.js";
import { aliasTargets } from "../es/indices.js";
import { buildDraftRelatedRequest, buildRelatedRequest } from "./build-related.js";
import {
  CANDIDATES_PER_RESULT,
  type ChosenBy,
  firstStage,
  headlineTyping,
  heldAsTypedCounts,
  MAX_WINDOW,
  type Mistyped,
  maybeSubject,
  newestFallback,
  pageCopiesRequest,
  pageRequest,
  questionOrLonger,
  type RankingStage,
  type Recall,
  searchRequest,
  slipsOnly,
  storiesWanted,
  strictFindsEveryWord,
  subjectCounts,
  suggestersAfterStrict,
  TYPED_TITLE,
  typedSubject,
  typingWord,
  unquotedFallback,
  widerRecall,
} from "./build-search.js";
import {
  buildSuggestRequest,
  buildTolerantSuggestRequest,
  heldButTyping,
  heldWords,
  heldWordsRequest,
  mayBeMistyped,
  type WordsHeld,
} from "./build-suggest.js";
import {
  asAsked,
  changingOnly,
  closestCorrections,
  collateRequests,
  correctedAlone,
  correctedQuery,
  correctionCount,
  correctionFirst,
  corrections,
  mistypedWords,
  nearRequests,
  pickCorrection,
  searchedAsCorrected,
  spelledAsWritten,
  spellingRequest,
  suggestersForShards,
  suggestersRequest,
  vouchedCorrection,
  vouchingRequests,
} from "./did-you-mean.js";
import { allFilters } from "./filters.js";
import { finishedWord, finishedWordRequest, wordTypedAlone } from "./finished-word.js";
import {
  arabicHeldWhole,
  type KeyboardReadings,
  keyboardReadings,
  likelierReading,
  type ReadingChoice,
  readingCounts,
} from "./keyboard-layout.js";
import { arabicNameReading, latinNameRequests, latinNames } from "./latin-names.js";
import { completeListedName } from "./listed-spellings.js";
import { startForms, typoMarks, withTitleMarks } from "./marks.js";
import {
  DEFAULT_SUGGEST_SIZE,
  type DraftInput,
  type Filters,
  type SearchInput,
  type SuggestInput,
} from "./params.js";
import { outsideQuotes, type ParsedQuery, parseQuery, plainWords } from "./query-parser.js";
import type { RelatedResponse, SearchResponse, StoredArticle, Suggestion } from "./responses.js";
import { foundByEach, hitCount, shapeHit, shapeSearchResponse, storyOf } from "./shape.js";
import { type IndexShape, scoringSearchType } from "./shard-statistics.js";
import {
  type Candidate,
  firstOfEachStory,
  type StoryCount,
  storyCounts,
  storyCountsRequest,
} from "./stories.js";
import { offeredSuggestions, readTyping, type TypingRead } from "./suggestions.js";

/** An article as stored, with the physical index it lives in (more_like_this reads from there). */
export interface FoundArticle {
  article: StoredArticle;
  index: string;
}

/**
 * How long a counted corpus size (and shard count, and the indices behind the alias) is reused: it
 * sets a document-frequency cap and whether statistics are gathered across shards, neither of which
 * a few minutes' growth changes.
 */
const CORPUS_SIZE_TTL_MS = 300_000;

/** What searches read of the index behind the alias, asked again every CORPUS_SIZE_TTL_MS. */
interface IndexFacts {
  shape: IndexShape;
  /**
   * Where a word's term statistics are read (`termvectors`, which runs on one index): the alias, or
   * the first of its indices when it spans several (an archive split by year).
   */
  termsIndex: string;
}

/** A correction picked ("did you mean"; null when none is), with the Elasticsearch time it took. */
interface Picked {
  text: string | null;
  took: number;
}

/** The input with a name in Latin letters still being typed completed from the list (completeListedName). */
function withListedName<T extends { q: string }>(input: T): T {
  const q = completeListedName(input.q);
  return q ? { ...input, q } : input;
}

export class SearchService {
  #facts: { value: IndexFacts; at: number } = {
    value: { shape: { articles: 0, shards: 1 }, termsIndex: "" },
    at: 0,
  };

  constructor(
    readonly client: EsClient,
    readonly alias: string,
  ) {}

  /** The alias's articles and shards, counted by one request. */
  async #indexShape(): Promise<IndexShape> {
    return (await this.#indexFacts()).shape;
  }

  async #indexFacts(): Promise<IndexFacts> {
    if (Date.now() - this.#facts.at > CORPUS_SIZE_TTL_MS) {
      const [{ count, _shards }, targets] = await Promise.all([
        this.client.count({ index: this.alias }),
        aliasTargets(this.client, this.alias),
      ]);
      const [first = this.alias, ...more] = targets;
      const termsIndex = more.length ? first : this.alias;
      this.#facts = {
        value: { shape: { articles: count, shards: _shards.total }, termsIndex },
        at: Date.now(),
      };
    }
    return this.#facts.value;
  }

  /**
   * A request whose scores order the answer, fitted to how the index is sharded: global statistics
   * where per-shard ones would change the page, and suggesters fitted to the shards.
   */
  async #scored<T extends estypes.SearchRequest>(request: T): Promise<T> {
    const searchType = scoringSearchType(await this.#indexShape());
    return {
      ...(await this.#shardedSuggesters(request)),
      ...(searchType ? { search_type: searchType } : {}),
    };
  }

  /** The request with its suggesters fitted to the index's shards (suggestersForShards). */
  async #shardedSuggesters<T extends estypes.SearchRequest>(request: T): Promise<T> {
    if (!request.suggest) return request;
    const { shards } = await this.#indexShape();
    return { ...request, suggest: suggestersForShards(request.suggest, shards) };
  }

  async search(query: SearchInput): Promise<SearchResponse> {
    const input = withListedName(query);
    const [keys, named] = await Promise.all([this.#keyboardReading(input), this.#arabicNameReading(input.q)]);
    let took = (keys?.took ?? 0) + (named?.took ?? 0);
    const onArabicKeys = async () => {
      if (!keys) return undefined;
      const arabic = { ...input, q: keys.readings.arabic.query };
      const result = await this.#searchOnce(arabic);
      took += result.took_ms;
      return result.total.value > 0 ? { ...result, took_ms: took, arabic_keys_query: arabic.q } : undefined;
    };
    const onArabicName = async () => {
      if (!named?.q) return undefined;
      // Names are read whole: a spelling is no start of a longer word.
      const result = await this.#searchOnce({ ...input, q: `${named.q} ` });
      took += result.took_ms;
      if (!result.total.value) return undefined;
      const shown = await this.#nameAsWritten(input.q, named.q);
      return { ...result, took_ms: took + shown.took, arabic_name_query: shown.text };
    };
    // The keys' Arabic goes first when the index holds every word of it (lwv: مصر, not لوف), a name
    // read whole first when not (ibn khaldoun: ابن خلدون, not هلاى ناشميخعى).
    const keysFirst = keys?.reading === "arabic";
    const readings = !keysFirst
      ? [onArabicName]
      : keys.whole
        ? [onArabicKeys, onArabicName]
        : [onArabicName, onArabicKeys];
    for (const read of readings) {
      const found = await read();
      if (found) return found;
    }
    const typed = await this.#searchOnce(input);
    took += typed.took_ms;
    if (!typed.total.value && keys?.reading === "latin, then arabic") {
      const second = await onArabicKeys();
      if (second) return second;
    }
    const result = { ...typed, took_ms: took };
    const fallback = result.total.value > 0 ? undefined : unquotedFallback(input);
    if (!fallback) return result;
    const unquoted = await this.#searchOnce(fallback);
    const answer = { ...unquoted, took_ms: took + unquoted.took_ms };
    // A correction names what the results are for: the unquoted words are not it.
    return unquoted.corrected_query ? answer : { ...answer, unquoted_query: fallback.q.trim() };
  }

  /**
   * For a query in Latin letters, which reading to search: as typed, or as its keys type on the
   * Arabic keyboard (likelierReading, from how many articles hold each reading's words).
   */
  async #keyboardReading(
    input: SearchInput,
  ): Promise<
    { readings: KeyboardReadings; reading: ReadingChoice; whole: boolean; took: number } | undefined
  > {
    const readings = keyboardReadings(input.q);
    if (!readings) return undefined;
    const { articles } = await this.#indexShape();
    const counted = await this.client.msearch({ searches: readingCounts(readings, this.alias, articles) });
    const counts = foundByEach(counted.responses);
    return {
      readings,
      reading: likelierReading(readings, counts, articles),
      whole: arabicHeldWhole(readings, counts),
      took: counted.took,
    };
  }

  /**
   * For a query with Latin words, the same query with the names Arabic news writes in Arabic
   * letters so written (arabicNameReading), from one `msearch`; `q` undefined when none is.
   */
  async #arabicNameReading(q: string): Promise<{ q: string | undefined; took: number } | undefined> {
    const names = latinNames(outsideQuotes(q));
    if (!names) return undefined;
    const { articles, shards } = await this.#indexShape();
    const answer = await this.client.msearch({ searches: latinNameRequests(names, this.alias, shards) });
    return { q: arabicNameReading(q, names, answer.responses, articles), took: answer.took };
  }

  /** The Arabic reading of a Latin query as shown: its words spelt as an article writes them. */
  async #nameAsWritten(latin: string, reading: string): Promise<{ text: string; took: number }> {
    const typed = parseQuery(latin);
    const words = plainWords(parseQuery(reading));
    if (words.length !== plainWords(typed).length) return { text: reading.trim(), took: 0 };
    return this.#asWritten(typed, words.join(" "));
  }

  /** `correcting`: whether a word typed alone that nothing holds may be searched as its correction. */
  async #searchOnce(typedInput: SearchInput, correcting = true): Promise<SearchResponse> {
    const typed = parseQuery(typedInput.q);
    const finished = await this.#finishedWord(typedInput, typed);
    const { input } = finished;
    const parsed = input === typedInput ? typed : parseQuery(input.q);
    const completed = await this.#likeliestCompletion(parsed, input);
    const first = { ...firstStage(input), completion: completed?.completion };
    const strict = await this.#rank(parsed, input, first);
    const matched = strict.response.hits.hits.map(({ matched_queries: names }) =>
      Array.isArray(names) ? names : Object.keys(names ?? {}),
    );
    const found = hitCount(strict.response.hits.total);
    const bestMatched = matched[0] ?? [];
    const titlesAsTyped = matched.filter((names) => names.includes(TYPED_TITLE)).length;
    const typingOnlyBegun = completed?.typingOnlyBegun;
    const suggested = suggestersAfterStrict(parsed, input, {
      found,
      bestMatched,
      titlesAsTyped,
      typingOnlyBegun,
    })
      ? await this.#suggesters(parsed)
      : undefined;
    const mistyped = corrections(parsed, suggested ?? strict.response);
    const outcome = { found, mistyped, bestMatched, titlesAsTyped, typingOnlyBegun };
    const spellings = mistypedWords(parsed, mistyped);
    const tookBefore = finished.took + (completed?.took ?? 0) + strict.took + (suggested?.took ?? 0);
    const correctedAhead =
      correcting && correctedAlone(parsed, found, mistyped)
        ? await this.#didYouMean(parsed, mistyped)
        : undefined;
    const corrected = correctedAhead?.text
      ? await this.#searchCorrected(parsed, input, correctedAhead.text)
      : undefined;
    if (corrected?.result)
      return { ...corrected.result, took_ms: tookBefore + (correctedAhead?.took ?? 0) + corrected.took };
    let wider = widerRecall(parsed, input, outcome);
    // Before reading words a typo away, whether titles show every word is meant.
    const subject =
      wider === "tolerant" && maybeSubject(parsed, outcome) ? await this.#typedSubject(parsed) : undefined;
    if (subject?.typed) wider = undefined;
    // A question's or a longer query's rare words that many articles hold are words, not slips.
    const slips =
      questionOrLonger(parsed) && spellings.size ? await this.#slips(parsed, spellings) : undefined;
    if (wider === "tolerant" && slips && !slips.mistyped.size) wider = undefined;
    // An article holding every word as typed means no correction is shown: nothing to check.
    const typedFindsArticles = strictFindsEveryWord(parsed) && outcome.found > 0;
    // A question's correction changes only the slips its page reads.
    const slipsCorrected = slips ? changingOnly(parsed, mistyped, slips.mistyped) : mistyped;
    const offerable = typedFindsArticles ? [] : slipsCorrected;
    // Its page then reads each slip first as that correction does.
    const pickedAhead =
      wider === "tolerant" && slips?.mistyped.size ? await this.#correction(parsed, offerable) : undefined;
    const readSlips =
      slips && pickedAhead?.text
        ? correctionFirst(parsed, slips.mistyped, pickedAhead.text)
        : slips?.mistyped;
    let widerTook = 0;
    const widen = async (recall: Recall) => {
      const stage = { ...first, recall, mistyped: readSlips ?? spellings };
      const ranked = await this.#rank(parsed, input, stage);
      widerTook += ranked.took;
      return { stage, ranked };
    };
    let chosen: { stage: RankingStage; ranked: typeof strict } = { stage: first, ranked: strict };
    if (wider) chosen = await widen(wider);
    if (newestFallback(parsed, input, hitCount(chosen.ranked.response.hits.total), chosen.stage.recall))
      chosen = await widen("relaxed");
    const { response, shown } = chosen.ranked;
    const [page, suggestion] = await Promise.all([
      this.#page(parsed, input, shown, chosen.stage),
      correctedAhead ??
        (pickedAhead
          ? this.#vouched(parsed, pickedAhead, readSlips, shown[0]?.id)
          : this.#didYouMean(parsed, offerable)),
    ]);
    const shaped = shapeSearchResponse(response, page.hits, page.copies, shown.at(-1)?.sort);
    return {
      ...shaped,
      took_ms:
        tookBefore +
        (corrected?.took ?? 0) +
        (subject?.took ?? 0) +
        (slips?.took ?? 0) +
        widerTook +
        page.took +
        (suggestion?.took ?? 0),
      suggestion: asAsked(parsed, suggestion?.text ?? null),
    };
  }

  /**
   * The search for the correction of a word typed alone that no article holds (correctedAlone),
   * named in `corrected_query`, when enough articles hold the correction and the search finds some
   * (filters may leave none); with what the count and the search took either way.
   */
  async #searchCorrected(
    parsed: ParsedQuery,
    input: SearchInput,
    correction: string,
  ): Promise<{ result?: SearchResponse; took: number }> {
    const counted = await this.client.msearch({ searches: correctionCount(correction, this.alias) });
    const [found = 0] = foundByEach(counted.responses);
    if (!searchedAsCorrected(found)) return { took: counted.took };
    const result = await this.#searchOnce({ ...input, q: correctedQuery(parsed, correction) }, false);
    const took = counted.took + result.took_ms;
    if (!result.total.value) return { took };
    return { result: { ...result, corrected_query: asAsked(parsed, correction) }, took };
  }

  /**
   * The page's stories, one article each. Candidates are fetched with room for copies; when copies
   * crowd them out and more hits exist, again with more room, up to the paging window.
   */
  async #rank(
    parsed: ParsedQuery,
    input: SearchInput,
    stage: RankingStage,
  ): Promise<{ response: estypes.SearchResponse; took: number; shown: Candidate[] }> {
    const wanted = storiesWanted(input);
    let { candidates } = stage;
    let took = 0;
    for (;;) {
      const response = await this.client.search(
        await this.#scored(searchRequest(parsed, input, this.alias, { ...stage, candidates })),
      );
      took += response.took;
      const stories = firstOfEachStory(response.hits.hits);
      const exhausted = response.hits.hits.length < candidates || candidates >= MAX_WINDOW;
      if (stories.length >= wanted || exhausted)
        return { response, took, shown: stories.slice(wanted - input.size, wanted) };
      candidates = Math.min(MAX_WINDOW, candidates * CANDIDATES_PER_RESULT * 2);
    }
  }

  /**
   * The input with a space after it when it is one word the reader has finished typing
   * (finished-word.ts): it is then searched whole, and its completions are not asked about.
   */
  async #finishedWord(
    input: SearchInput,
    parsed: ParsedQuery,
  ): Promise<{ input: SearchInput; took: number }> {
    const typing = wordTypedAlone(parsed);
    if (typing === undefined) return { input, took: 0 };
    const { shape, termsIndex } = await this.#indexFacts();
    const statistics = await this.client.termvectors(finishedWordRequest(typing, termsIndex));
    const finished = finishedWord(statistics, shape.shards) ? { ...input, q: `${input.q} ` } : input;
    return { input: finished, took: statistics.took };
  }

  /**
   * The completion of the headline word being typed that most of the titles the suggestions would
   * offer use (بوت: بوتين), so that the search ranks first what they offer first; and whether they
   * are a few titles that only begin the word (typingOnlyBegun), which do not vouch for it.
   */
  async #likeliestCompletion(
    parsed: ParsedQuery,
    input: SearchInput,
  ): Promise<(TypingRead & { took: number }) | undefined> {
    if (!headlineTyping(parsed)) return undefined;
    const request = buildSuggestRequest({ q: input.q, size: DEFAULT_SUGGEST_SIZE }, this.alias);
    const response = await this.client.search<Partial<ArticleDocument>>(await this.#scored(request));
    return { ...readTyping(response.hits.hits, input.q, DEFAULT_SUGGEST_SIZE), took: response.took };
  }

  /**
   * The mistyped words that look slips (slipsOnly), asked before a question's tolerant recall and
   * its "did you mean".
   */
  async #slips(parsed: ParsedQuery, mistyped: Mistyped): Promise<{ mistyped: Mistyped; took: number }> {
    const counted = await this.client.msearch({ searches: heldAsTypedCounts(parsed, mistyped, this.alias) });
    return { mistyped: slipsOnly(mistyped, foundByEach(counted.responses)), took: counted.took };
  }

  /** Whether the words are a subject typed (typedSubject), asked before a tolerant recall. */
  async #typedSubject(parsed: ParsedQuery): Promise<{ typed: boolean; took: number }> {
    const counted = await this.client.msearch({ searches: subjectCounts(parsed, this.alias) });
    return { typed: typedSubject(parsed, foundByEach(counted.responses)), took: counted.took };
  }

  /** The suggesters' answer, asked apart from a strict stage that left them out. */
  async #suggesters(parsed: ParsedQuery): Promise<estypes.SearchResponse | undefined> {
    const request = suggestersRequest(parsed, this.alias);
    return request && this.client.search(await this.#shardedSuggesters(request));
  }

  /**
   * The shown articles' text and highlights, in rank order with their ranking scores, and how many
   * articles of each one's story match the query and filters as the stage that chose them did. The
   * count is a request of its own, sent alongside: folded into the page's request, it cost more
   * than the two apart (docs/performance.md).
   */
  async #page(
    parsed: ParsedQuery,
    input: SearchInput,
    shown: Candidate[],
    chosenBy: ChosenBy,
  ): Promise<{
    hits: estypes.SearchHit<Partial<ArticleDocument>>[];
    copies: Map<string, StoryCount>;
    took: number;
  }> {
    if (!shown.length) return { hits: [], copies: new Map(), took: 0 };
    const copiesRequest = pageCopiesRequest(parsed, input, shown, this.alias, chosenBy);
    const [response, counted] = await Promise.all([
      this.client.search<Partial<ArticleDocument>>(pageRequest(parsed, input, shown, this.alias, chosenBy)),
      copiesRequest && this.client.search(copiesRequest),
    ]);
    const byId = new Map(response.hits.hits.map((hit) => [hit._id, hit]));
    const typing = input.highlight ? typingWord(parsed) : undefined;
    const starts = typing ? startForms(typing) : [];
    const marks = {
      starts,
      typos:
        input.highlight && chosenBy.recall === "tolerant"
          ? typoMarks(plainWords(parsed), typing ? starts : undefined)
          : [],
    };
    const hits = shown.flatMap((candidate) => {
      const hit = byId.get(candidate.id);
      return hit ? [{ ...withTitleMarks(hit, marks), _score: candidate.score }] : [];
    });
    return {
      hits,
      copies: storyCounts(counted?.aggregations?.stories),
      took: response.took + (counted?.took ?? 0),
    };
  }

  /**
   * The suggesters' corrections, checked: the likeliest that finds an article, its words near one
   * another when several are as close, its corrected words spelt as an article spells them.
   */
  async #didYouMean(parsed: ParsedQuery, candidates: string[]): Promise<Picked | undefined> {
    const picked = await this.#correction(parsed, candidates);
    return picked && this.#spelt(parsed, picked);
  }

  /** The correction "did you mean" offers (#didYouMean), as the suggesters spell it. */
  async #correction(parsed: ParsedQuery, candidates: string[]): Promise<Picked | undefined> {
    if (!candidates.length) return undefined;
    const completed = headlineTyping(parsed) !== undefined;
    const collated = await this.client.msearch({
      searches: collateRequests(parsed, candidates, this.alias, completed),
    });
    const closest = closestCorrections(parsed, candidates, foundByEach(collated.responses));
    let took = collated.took;
    let text = closest[0] ?? null;
    if (closest.length > 1) {
      const near = await this.client.msearch({ searches: nearRequests(closest, this.alias) });
      text = pickCorrection(parsed, closest, foundByEach(near.responses));
      took += near.took;
    }
    return { text, took };
  }

  /**
   * A question's "did you mean": the correction picked ahead, or when none was, the one its page's
   * first article vouches for (vouchedCorrection); spelt as an article spells it.
   */
  async #vouched(
    parsed: ParsedQuery,
    picked: Picked,
    slips: Mistyped | undefined,
    firstShown: string | undefined,
  ): Promise<Picked> {
    if (picked.text || !slips?.size || firstShown === undefined) return this.#spelt(parsed, picked);
    const counted = await this.client.msearch({ searches: vouchingRequests(slips, firstShown, this.alias) });
    const text = vouchedCorrection(parsed, slips, foundByEach(counted.responses));
    return this.#spelt(parsed, { text, took: picked.took + counted.took });
  }

  /** A picked correction with its corrected words spelt as an article spells them. */
  async #spelt(parsed: ParsedQuery, picked: Picked): Promise<Picked> {
    if (!picked.text) return picked;
    const spelt = await this.#asWritten(parsed, picked.text);
    return { text: spelt.text, took: picked.took + spelt.took };
  }

  /**
   * `correction` (the words `parsed` typed, some put otherwise) with the words it puts otherwise
   * spelt as an article holding them spells them: the index's normal forms lack their hamzas and
   * ta marbuta.
   */
  async #asWritten(parsed: ParsedQuery, correction: string): Promise<{ text: string; took: number }> {
    const request = spellingRequest(parsed, correction, this.alias);
    if (!request) return { text: correction, took: 0 };
    const spelt = await this.client.search<Partial<ArticleDocument>>(request);
    const article = spelt.hits.hits[0]?._source;
    const written = article ? [article.title, article.lead, article.body].join(" ") : "";
    return { text: spelledAsWritten(parsed, correction, written), took: spelt.took };
  }

  /** The stored article with the physical index it lives in, or undefined. */
  async getArticle(id: string): Promise<FoundArticle | undefined> {
    return this.#findOne({ ids: { values: [id] } });
  }

  /** The article published at `url`: by the id an import derives from it, or by the stored URL. */
  async findByUrl(url: string): Promise<FoundArticle | undefined> {
    let derived: string;
    try {
      derived = articleId({ url, source: "", title: "", published_at: "" });
    } catch {
      return undefined;
    }
    return this.#findOne({ bool: { should: [{ ids: { values: [derived] } }, { term: { url } }] } });
  }

  async #findOne(query: estypes.QueryDslQueryContainer): Promise<FoundArticle | undefined> {
    const response = await this.client.search<ArticleDocument>({
      index: this.alias,
      size: 1,
      query,
      _source: { excludes: INDEX_ONLY_FIELDS },
    });
    const hit = response.hits.hits[0];
    if (!hit?._source) return undefined;
    return { article: hit._source, index: hit._index };
  }

  async related(id: string, filters: Filters & { size: number }): Promise<RelatedResponse | undefined> {
    const found = await this.getArticle(id);
    return found && this.relatedTo(found, filters);
  }

  /**
   * Related coverage of an article already fetched (the article page, a URL lookup), each story's
   * articles within the filters counted unless `countStories` is false (a timeline counts its own).
   */
  async relatedTo(
    found: FoundArticle,
    filters: Filters & { size: number },
    { countStories = true } = {},
  ): Promise<RelatedResponse> {
    const request = buildRelatedRequest(
      {
        id: found.article.id,
        dupGroup: found.article.dup_group,
        publishedAt: found.article.published_at,
        title: found.article.title,
        lead: found.article.lead,
        body: found.article.body,
        index: found.index,
        corpusSize: (await this.#indexShape()).articles,
      },
      filters,
      this.alias,
    );
    const response = await this.client.search<Partial<ArticleDocument>>(await this.#scored(request));
    if (!countStories)
      return { took_ms: response.took, hits: response.hits.hits.map((hit) => shapeHit(hit)) };
    return this.#withStoryCounts(response, filters);
  }

  async relatedToDraft(draft: DraftInput, filters: Filters & { size: number }): Promise<RelatedResponse> {
    const response = await this.client.search<Partial<ArticleDocument>>(
      await this.#scored(
        buildDraftRelatedRequest(draft, filters, this.alias, (await this.#indexShape()).articles),
      ),
    );
    return this.#withStoryCounts(response, filters);
  }

  /** A related list's hits with each one's story counted within the filters: one more small request. */
  async #withStoryCounts(
    response: estypes.SearchResponse<Partial<ArticleDocument>>,
    filters: Filters,
  ): Promise<RelatedResponse> {
    const hits = response.hits.hits;
    const stories = [...new Set(hits.map(storyOf))];
    if (!stories.length) return { took_ms: response.took, hits: [] };
    const counted = await this.client.search(storyCountsRequest(stories, allFilters(filters), this.alias));
    const counts = storyCounts(counted.aggregations?.stories);
    return { took_ms: response.took + counted.took, hits: hits.map((hit) => shapeHit(hit, counts)) };
  }

  /**
   * Titles completing what the reader typed; when none does, those for the Arabic its keys type if
   * it is in Latin letters, or for the names it writes as the articles write them in Arabic
   * letters, else titles a typo away from it in the words no title holds. Titles a
   * typo away from a word typed alone also follow a few titles that only begin it, when the
   * suggesters take it for a slip (دعش: the one title with دعشنة, then داعش's). `took_ms`:
   * Elasticsearch's, summed over the requests.
   */
  async suggest(query: SuggestInput): Promise<{ suggestions: Suggestion[]; took_ms: number }> {
    const input = withListedName(query);
    let took = 0;
    const complete = async (request: estypes.SearchRequest) => {
      const response = await this.client.search<Partial<ArticleDocument>>(await this.#scored(request));
      took += response.took;
      return response.hits.hits;
    };
    const completed = await complete(buildSuggestRequest(input, this.alias));
    const asTyped = offeredSuggestions(completed, input.q, input.size);
    const offered = (typoAway: Suggestion[] = []) => {
      const shown = new Set(asTyped.map((suggestion) => suggestion.id));
      const more = typoAway.filter((suggestion) => !shown.has(suggestion.id));
      return { suggestions: [...asTyped, ...more].slice(0, input.size), took_ms: took };
    };
    let held: WordsHeld;
    if (completed.length) {
      if (!readTyping(completed, input.q, input.size).typingOnlyBegun) return offered();
      const parsed = parseQuery(input.q);
      const suggested = await this.#suggesters(parsed);
      took += suggested?.took ?? 0;
      if (!suggested || !corrections(parsed, suggested).length) return offered();
      held = heldButTyping(input);
    } else {
      const readings = keyboardReadings(input.q);
      if (readings) {
        const onArabicKeys = await this.suggest({ ...input, q: readings.arabic.query });
        took += onArabicKeys.took_ms;
        if (onArabicKeys.suggestions.length) return { ...onArabicKeys, took_ms: took };
      }
      const named = await this.#arabicNameReading(input.q);
      took += named?.took ?? 0;
      if (named?.q) {
        const onName = await this.suggest({ ...input, q: `${named.q} ` });
        return { ...onName, took_ms: took + onName.took_ms };
      }
      if (readings) return offered();
      if (!mayBeMistyped(input)) return offered();
      const answer = await this.client.search(heldWordsRequest(input, this.alias));
      took += answer.took;
      held = heldWords(answer);
    }
    const tolerant = buildTolerantSuggestRequest(input, this.alias, held);
    const typoAway = tolerant ? await complete(tolerant) : [];
    return offered(offeredSuggestions(typoAway, input.q, input.size, { typoAway: true }));
  }
}
