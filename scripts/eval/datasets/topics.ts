/**
 * @module eval/datasets/topics
 * A topic typed rather than a headline recalled (src/eval/topics.ts): relevant is every story one
 * of whose articles holds the words side by side and in order, in its title, lead or body, so
 * Precision@10 is the share of the page holding what was typed.
 */

import type { EsClient } from "../../../src/es/client.js";
import type { TopicText } from "../../../src/eval/topics.js";

/** Texts of the index's articles (title, lead and body), in id order. */
export async function topicTexts(client: EsClient, index: string): Promise<TopicText[]> {
  const texts: TopicText[] = [];
  const stored = client.helpers.scrollDocuments<{
    dup_group: string;
    title: string;
    lead?: string;
    body?: string;
  }>({ index, size: 2_000, _source: ["dup_group", "title", "lead", "body"], sort: ["id"] });
  for await (const doc of stored)
    texts.push({ story: doc.dup_group, title: doc.title, text: [doc.title, doc.lead, doc.body].join("\n") });
  return texts;
}
