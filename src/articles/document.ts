/**
 * @module articles/document
 * The document stored in Elasticsearch: the cleaned article plus what the index derives from it
 * (id, near-duplicate fingerprint and group).
 */
import { exactWords } from "../text/arabic.js";
import type { BandedFingerprint } from "../text/copy-decision.js";
import { bandKeys, bandNumbers, encodeFingerprint, fingerprint, headlineKey } from "../text/fingerprint.js";
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
  /** The copy-detection fingerprint (encodeFingerprint). */
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
export interface PreparedArticle extends BandedFingerprint {
  document: ArticleDocument;
}

/** The fields the index derives from the title. */
function titleFields(title: string): Pick<ArticleDocument, "title_words"> {
  return { title_words: new Set(exactWords(title)).size };
}

/**
 * The fingerprint, decoded and as the index stores it (`minhash`; `minhash_bands`, the headline's
 * key among them, by which the grouper finds articles of the same headline as it finds copies).
 */
function fingerprintFields(title: string, body: string) {
  const printed = fingerprint(title, body);
  const { signature, shingles, headline } = printed;
  const bands = bandNumbers(signature);
  const keys = bandKeys(bands);
  if (headline !== undefined) keys.push(headlineKey(headline));
  return { signature, shingles, headline, bands, minhash: encodeFingerprint(printed), minhash_bands: keys };
}

/** A stored document prepared again (see reprepareStored). */
export interface RepreparedDocument extends BandedFingerprint {
  document: Record<string, unknown>;
}

/**
 * A stored document with its derived fields recomputed, for a reindex: older documents get the new
 * ones, and a document that has a fingerprint gets today's, kept decoded so that the reindex can
 * group it again (one without, never written by the importer, stays without and is no copy).
 */
export function reprepareStored(source: Record<string, unknown>): RepreparedDocument {
  const { content_hash: _dropped, ...kept } = source;
  // Older indices stored a sha256 of the text (content_hash); nothing reads it and the mapping no longer has it.
  const title = String(source.title ?? "");
  const document = { ...kept, ...titleFields(title) };
  if (typeof source.minhash !== "string")
    return { document, signature: new Uint32Array(0), shingles: 0, bands: [] };
  const { minhash, minhash_bands, ...decoded } = fingerprintFields(title, String(source.body ?? ""));
  return { document: { ...document, minhash, minhash_bands }, ...decoded };
}

export function prepareArticle(article: Article, now = new Date()): PreparedArticle {
  const id = articleId(article);
  const { minhash, minhash_bands, ...decoded } = fingerprintFields(article.title, article.body);
  return {
    ...decoded,
    document: {
      // First, so the importer can set it in a batch it has already encoded (BulkBody.withFirstField).
      dup_group: id,
      ...article,
      ...titleFields(article.title),
      id,
      indexed_at: now.toISOString(),
      minhash,
      minhash_bands,
    },
  };
}
