/**
 * @module indexing/new-index
 * A physical index built beside the live one (an import with --fresh, a reindex). The alias moves
 * to it only when the build succeeded; a build that failed, threw or was stopped deletes it
 * instead, and the alias stays where it was.
 */

import { messageOf } from "../error-message.js";
import type { EsClient } from "../es/client.js";
import { aliasTargets, createPhysicalIndex, swapAlias } from "../es/indices.js";

/** The cluster and alias a build works on, and where it reports. */
export interface BuildOptions {
  client: EsClient;
  /** A client of its own for a new index, so closing it stops every write to that index. */
  connect: () => EsClient;
  alias: string;
  /** Primary shards of a new index (--shards); ES_SHARDS, else the mapping file's, otherwise. */
  shards?: number | undefined;
  /** Replicas of a new index (--replicas); ES_REPLICAS, else the mapping file's, otherwise. */
  replicas?: number | undefined;
  /** Where progress and outcomes are written: the command's standard error. */
  out: NodeJS.WriteStream;
  /** Told of a new index as its creation starts, so it can be stopped (the command does on signals). */
  onNewIndex?: ((building: Promise<NewIndex>) => void) | undefined;
}

export class NewIndex {
  #end: Promise<boolean> | undefined;
  #markEnded = () => {};
  /** Settles once the swap or the deletion has ended, however it ended. */
  readonly ended = new Promise<void>((resolve) => {
    this.#markEnded = resolve;
  });

  private constructor(
    private readonly client: EsClient,
    /** Its own client, so closing it stops every write to the index and nothing else. */
    readonly writer: EsClient,
    readonly alias: string,
    readonly index: string,
    private readonly out: NodeJS.WriteStream,
  ) {}

  static create(options: BuildOptions): Promise<NewIndex> {
    const building = (async () => {
      const { client, alias, shards, replicas } = options;
      const index = await createPhysicalIndex(client, alias, { shards, replicas });
      return new NewIndex(client, options.connect(), alias, index, options.out);
    })();
    options.onNewIndex?.(building);
    return building;
  }

  /** Whether the alias is being swapped or the index deleted: the writer is closed or closing. */
  get ending(): boolean {
    return this.#end !== undefined;
  }

  /** Points the alias at the new index; false when it was deleted first (stopped). */
  swap(): Promise<boolean> {
    return this.#once(() => this.#swap());
  }

  /** Deletes the new index and says where the alias still points. */
  discard(why: string): Promise<boolean> {
    return this.#once(() => this.#delete(why));
  }

  /**
   * A stop from outside the build (a signal): the index is deleted once the writes in flight end.
   * Undefined when the build is ending already: a swap (one atomic request) or a deletion under
   * way ends it by itself.
   */
  stop(why: string): Promise<boolean> | undefined {
    if (this.#end) return undefined;
    this.out.write(`\n${why}: deleting ${this.index} once the writes in flight end\n`);
    return this.discard(`stopped by ${why}`);
  }

  /** Only the first end acts: a stop and the build's own end never both do. */
  #once(end: () => Promise<boolean>): Promise<boolean> {
    this.#end ??= end().finally(() => this.#markEnded());
    return this.#end;
  }

  async #swap(): Promise<boolean> {
    await this.writer.close();
    const previous = await swapAlias(this.client, this.alias, this.index);
    this.out.write(
      `alias ${this.alias} -> ${this.index}${previous.length ? ` (kept ${previous.join(", ")})` : ""}\n`,
    );
    return true;
  }

  async #delete(why: string): Promise<boolean> {
    // Closing waits for the writes in flight and sends no more: a write reaching Elasticsearch
    // after the deletion would create the index again.
    await this.writer.close();
    try {
      await this.client.indices.delete({ index: this.index });
    } catch (error) {
      this.out.write(
        `${why}: alias ${this.alias} not moved, but ${this.index} could not be deleted (${messageOf(error)}); --delete-old removes it\n`,
      );
      return false;
    }
    const live = await aliasTargets(this.client, this.alias);
    const where = live.length ? `still points at ${live.join(", ")}` : "was not created";
    this.out.write(`${why}: deleted ${this.index}; alias ${this.alias} ${where}\n`);
    return false;
  }
}
