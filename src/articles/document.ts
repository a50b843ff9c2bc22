/**
 * @module articles/document
 * The document stored in Elasticsearch: the cleaned article plus what the index derives from it
 * (id, near-duplicate fingerprint and group).
 */
import { exactWords } from "../text/arabic.js";
import {
  bandKeys,
  bandNumbers,
  bands,
  decodeSignature,
  encodeSignature,
  minhash,
} from "../text/fingerprint.js";
import { articleId } from "./identity.js";
import type { Article } from "./schema.js";

export interface ArticleDocument {
  id: string;
  url?: string | undefined;
  title: string;
  /**
   * Distinct words of the title as `title.exact` indexes them: a query that holds them all names
   * this article (see RANKING.titleNamedBoost).
   */
  title_words: number;
  lead?: string | undefined;
  body: string;
  source: string;
  author?: string | undefined;
  published_at: string;
  category?: string | undefined;
  tags?: string[] | undefined;
  language: string;
  indexed_at: string;
  minhash: string;
  minhash_bands: string[];
  /** The id of the first article seen of this story; copies share it and collapse at query time. */
  dup_group: string;
}

/**
 * Fields the index derives for its own use (duplicates, ranking): never returned to readers. Also
 * content_hash, which documents in indices built before it was dropped still carry.
 */
export const INDEX_ONLY_FIELDS = ["minhash", "minhash_bands", "title_words", "content_hash"];

/** A document ready for the index, with its fingerprint kept decoded for the duplicate stage. */
export interface PreparedArticle {
  document: ArticleDocument;
  signature: Uint32Array;
  /** `minhash_bands` as numbers (bandNumbers). */
  bands: number[];
}

/** The fields the index derives from the title. */
function titleFields(title: string): Pick<ArticleDocument, "title_words"> {
  return { title_words: new Set(exactWords(title)).size };
}

/** A stored document with its derived fields recomputed: a reindex gives older documents the new ones. */
export function withDerivedFields(source: Record<string, unknown>): Record<string, unknown> {
  const { content_hash: _dropped, ...kept } = source;
  // Older indices stored a sha256 of the text (content_hash); nothing reads it and the mapping no longer has it.
  const derived: Record<string, unknown> = { ...kept, ...titleFields(String(source.title ?? "")) };
  // Band keys were once written in another form; the signature they come from has not changed.
  if (typeof source.minhash === "string") derived.minhash_bands = bands(decodeSignature(source.minhash));
  return derived;
}

export function prepareArticle(article: Article, now = new Date()): PreparedArticle {
  const id = articleId(article);
  const signature = minhash(article.title, article.body);
  const numbers = bandNumbers(signature);
  return {
    signature,
    bands: numbers,
    document: {
      // First, so the importer can set it in a batch it has already encoded (BulkBody.withFirstField).
      dup_group: id,
      ...article,
      ...titleFields(article.title),
      id,
      indexed_at: now.toISOString(),
      minhash: encodeSignature(signature),
      minhash_bands: bandKeys(numbers),
    },
  };
}
