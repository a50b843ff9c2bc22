/**
 * @module bench/scale/archive
 * The scale benchmark's indices as a whole: the two that grow (picked up from an earlier run when
 * they match it), the copies frozen at each size, and the cost of each step of growth.
 */
import type { EsClient } from "../../../src/es/client.js";
import type { IndexDefinition } from "../../../src/es/index-definition.js";
import { aliasTargets } from "../../../src/es/indices.js";
import { type DonorPool, ensureArticleFile, loadDonors } from "./generate.js";
import {
  type BuildMeta,
  createProjectIndex,
  createStockIndex,
  deleteIndices,
  elasticsearchCpuMs,
  freeze,
  frozenProjectIndexName,
  INDEX_NAMES,
  type Increment,
  importProject,
  loadStock,
  readMeta,
  resolveIndex,
  type System,
  settle,
  storeBytes,
  writeMeta,
} from "./indices.js";
import type { SystemAtSize } from "./report.js";

export const log = (message: string) => console.log(`[scale] ${message}`);
export const since = (started: number) => (performance.now() - started) / 1000;

/** Where the articles come from and go. */
export interface ArchiveFiles {
  seed: number;
  /** The donor corpora that exist on this machine. */
  corpora: string[];
  /** Generated article files of this seed, generator and corpora. */
  cacheDir: string;
  rejectsPath: string;
}

interface Growing {
  project?: string;
  stock?: string;
  /** Articles [0, articles) are in both. */
  articles: number;
  /** Created by this run, so still empty when `articles` is 0. */
  created: boolean;
  increments: Partial<Record<System, Increment>>;
}

/** The benchmark's state on the cluster: what it may keep, and how it grows. */
export class Archive {
  growing: Growing = { articles: 0, created: false, increments: {} };
  #pool: Promise<DonorPool> | undefined;

  constructor(
    private readonly client: EsClient,
    private readonly files: ArchiveFiles,
    private readonly definition: IndexDefinition,
    private readonly keys: Record<System, string>,
  ) {}

  #donors = () => {
    this.#pool ??= (async () => {
      const started = performance.now();
      const pool = await loadDonors(this.files.corpora);
      log(
        `${pool.donors.length.toLocaleString("en-US")} donor articles read in ${since(started).toFixed(1)} s`,
      );
      return pool;
    })();
    return this.#pool;
  };

  async #metaOf(index: string | undefined, system: System): Promise<BuildMeta | undefined> {
    if (!index) return undefined;
    const meta = await readMeta(this.client, index);
    return meta?.key === this.keys[system] ? meta : undefined;
  }

  async #documents(index: string): Promise<number> {
    return (await this.client.count({ index })).count;
  }

  /** Picks up the growing indices of an earlier run when they hold a consistent prefix. */
  async resume(): Promise<void> {
    const project = await resolveIndex(this.client, INDEX_NAMES.growingProject);
    const stock = await resolveIndex(this.client, INDEX_NAMES.growingStock);
    const [projectMeta, stockMeta] = [
      await this.#metaOf(project, "project"),
      await this.#metaOf(stock, "stock"),
    ];
    if (
      project &&
      stock &&
      projectMeta &&
      stockMeta &&
      projectMeta.articles === stockMeta.articles &&
      (await this.#documents(stock)) === stockMeta.articles
    ) {
      this.growing = {
        project,
        stock,
        articles: projectMeta.articles,
        created: false,
        increments: {
          ...(projectMeta.increment ? { project: projectMeta.increment } : {}),
          ...(stockMeta.increment ? { stock: stockMeta.increment } : {}),
        },
      };
      log(
        `growing indices hold ${projectMeta.articles.toLocaleString("en-US")} articles from an earlier run`,
      );
    } else {
      if (project || stock)
        log("the growing indices of an earlier run do not match this one; starting afresh");
      await this.#resetGrowing();
    }
  }

  async #resetGrowing(): Promise<void> {
    const names = [
      await resolveIndex(this.client, INDEX_NAMES.growingProject),
      await resolveIndex(this.client, INDEX_NAMES.growingStock),
    ].filter((name): name is string => Boolean(name));
    await deleteIndices(this.client, names);
    this.growing = { articles: 0, created: false, increments: {} };
  }

  /** The indices frozen at `size` by an earlier run with the same generator and mappings. */
  async frozenAt(size: number): Promise<Record<System, SystemAtSize> | undefined> {
    const project = await resolveIndex(this.client, INDEX_NAMES.frozenProject(size));
    const stock = await resolveIndex(this.client, INDEX_NAMES.frozenStock(size));
    const projectMeta = await this.#metaOf(project, "project");
    const stockMeta = await this.#metaOf(stock, "stock");
    if (!project || !stock || projectMeta?.articles !== size || stockMeta?.articles !== size) {
      const why = !project || !stock ? "none kept" : "built with another mapping, seed or generator";
      log(`${size.toLocaleString("en-US")} articles: no indices to reuse (${why}); building them`);
      return undefined;
    }
    return {
      project: await this.#describe(project, projectMeta, true),
      stock: await this.#describe(stock, stockMeta, true),
    };
  }

  async #describe(index: string, meta: BuildMeta, reused: boolean): Promise<SystemAtSize> {
    return {
      index,
      articles: await this.#documents(index),
      storeBytes: await storeBytes(this.client, index),
      ...(meta.increment ? { increment: meta.increment } : {}),
      reused,
    };
  }

  /** Grows both indices to `size` articles (from scratch if they hold more) and freezes them. */
  async growTo(size: number, step: number): Promise<Record<System, SystemAtSize>> {
    if (this.growing.articles > size) {
      log(`the growing indices hold more than ${size.toLocaleString("en-US")} articles; starting afresh`);
      await this.#resetGrowing();
    }
    if (!this.growing.project || !this.growing.stock) {
      this.growing.project = await createProjectIndex(this.client, this.definition);
      this.growing.stock = await createStockIndex(this.client);
      this.growing.created = true;
    }
    const from = this.growing.articles;
    if (from < size) {
      const { path, generatedSeconds } = await ensureArticleFile(
        this.files.cacheDir,
        this.#donors,
        this.files.seed,
        from,
        size,
      );
      const added = size - from;
      if (generatedSeconds !== undefined)
        log(
          `generated articles ${from}–${size} in ${generatedSeconds.toFixed(1)} s (${Math.round(added / generatedSeconds)} articles/s)`,
        );
      // The first of the two alternates, so neither always meets a node the other left busy.
      const order: System[] = step % 2 ? ["stock", "project"] : ["project", "stock"];
      for (const system of order)
        this.growing.increments[system] = await this.#load(system, path, from, size);
      for (const system of ["project", "stock"] as const) {
        const index = this.growing[system] as string;
        const increment = this.growing.increments[system];
        await writeMeta(this.client, index, {
          key: this.keys[system],
          articles: size,
          ...(increment ? { increment } : {}),
        });
      }
      this.growing.articles = size;
    }
    const frozenProject = INDEX_NAMES.frozenProject(size);
    const frozenStock = INDEX_NAMES.frozenStock(size);
    await deleteIndices(this.client, [...(await aliasTargets(this.client, frozenProject)), frozenStock]);
    await freeze(
      this.client,
      this.growing.project as string,
      frozenProjectIndexName(size, this.definition),
      frozenProject,
    );
    await freeze(this.client, this.growing.stock as string, frozenStock);
    const described = async (name: string, system: System) => {
      const index = (await resolveIndex(this.client, name)) as string;
      const meta = (await readMeta(this.client, index)) as BuildMeta;
      return this.#describe(index, meta, this.growing.increments[system]?.to !== size);
    };
    return {
      project: await described(frozenProject, "project"),
      stock: await described(frozenStock, "stock"),
    };
  }

  async #load(system: System, file: string, from: number, to: number): Promise<Increment> {
    const index = this.growing[system] as string;
    const cpuBefore = await elasticsearchCpuMs(this.client);
    const started = performance.now();
    const lost =
      system === "project"
        ? await importProject(this.client, file, this.files.rejectsPath, this.growing.created && from === 0)
        : await loadStock(this.client, file);
    const seconds = since(started);
    await settle(this.client, index);
    const esCpuMs = (await elasticsearchCpuMs(this.client)) - cpuBefore;
    const rate = Math.round((to - from) / seconds);
    log(
      `${system}: ${to - from} articles in ${seconds.toFixed(1)} s (${rate}/s), ES CPU ${(esCpuMs / 1000).toFixed(1)} s`,
    );
    if (lost)
      log(
        `warning: ${system} lost ${lost} articles${system === "project" ? ` (see ${this.files.rejectsPath})` : ""}`,
      );
    return { from, to, seconds, esCpuMs };
  }
}
