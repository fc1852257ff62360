// The catalogue every instance serves from memory. Loaded at start, reloaded at once after
// this instance changes it, and within CATALOGUE_REFRESH_MS after another instance does
// (each polls one small version counter, bumped with $inc, instead of the catalogue).
import { DepartmentModel, type Department } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { BundleModel } from '../../models/bundle.ts';
import { buildBundleGuide, type BundleGuide } from '../bundles/guide.ts';
import { WindowModel, type Window } from '../../models/window.ts';
import { bumpCounter, readCounter } from '../../models/counter.ts';
import { logger } from '../../server/logger.ts';
import { buildGuide, type Guide } from './guide.ts';
import { toSearchEntry, type SearchEntry } from './search.ts';

const COUNTER = 'version:catalogue';

export interface CatalogueSnapshot {
  version: number;
  departments: (Department & { _id: unknown })[];
  departmentsByCode: Map<string, Department>;
  windowsByCode: Map<string, Window>;
  /** Published items only, in code order. */
  entries: SearchEntry[];
  byCode: Map<string, Guide>;
  /** Published bundles (一件事) whose items are all published, in code order. */
  bundlesByCode: Map<string, BundleGuide>;
  /** Serialised answers of this snapshot by normalised request (see cachedAnswer). */
  answers: Map<string, string>;
}

const MAX_CACHED_ANSWERS = 20_000;

/**
 * The JSON text of an answer computed from this snapshot. Catalogue answers depend only on
 * the snapshot and the request, so each distinct request is computed and serialised once
 * per catalogue version; the cache goes away with the snapshot on the next reload.
 */
export function cachedAnswer(catalogue: CatalogueSnapshot, key: string, compute: () => unknown): string {
  let text = catalogue.answers.get(key);
  if (text === undefined) {
    text = JSON.stringify(compute());
    if (catalogue.answers.size >= MAX_CACHED_ANSWERS) catalogue.answers.clear();
    catalogue.answers.set(key, text);
  }
  return text;
}

/** One instance's copy of the catalogue; server/index.ts creates, starts and stops it. */
export interface CatalogueCache {
  /** The catalogue as last loaded (start() has resolved before the first request). */
  current(): CatalogueSnapshot;
  /**
   * Reads the whole catalogue from the database, in a load that starts after this call (a
   * load already running may predate the caller's change). Callers arriving while a load runs
   * share one follow-up load.
   */
  reload(): Promise<CatalogueSnapshot>;
  /** Marks the catalogue changed for every instance and reloads this one now. */
  changed(): Promise<void>;
  /** Loads the catalogue, then checks its version every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
}

/** Marks the catalogue changed for every instance (each reloads within its refresh interval). */
export const markCatalogueChanged = (): Promise<number> => bumpCounter(COUNTER);

/** A catalogue cache that checks the version counter every `refreshMs` once started. */
export function createCatalogueCache(refreshMs: number): CatalogueCache {
  let snapshot: CatalogueSnapshot | undefined;
  let timer: NodeJS.Timeout | undefined;
  let loading: Promise<CatalogueSnapshot> | undefined;
  let queued: Promise<CatalogueSnapshot> | undefined;

  const reload = (): Promise<CatalogueSnapshot> => {
    if (!loading) {
      loading = loadCatalogue()
        .then((loaded) => (snapshot = loaded))
        .finally(() => (loading = undefined));
      return loading;
    }
    queued ??= loading
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return reload();
      });
    return queued;
  };

  const refresh = async () => {
    try {
      const version = await readCounter(COUNTER);
      if (!snapshot || version !== snapshot.version) await reload();
    } catch (error) {
      logger.warn({ err: error }, 'catalogue refresh failed; serving the last copy');
    }
  };

  return {
    current() {
      if (!snapshot) throw new Error('the catalogue cache is not started');
      return snapshot;
    },
    reload,
    async changed() {
      await markCatalogueChanged();
      await reload();
    },
    async start() {
      await reload();
      clearInterval(timer);
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

async function loadCatalogue(): Promise<CatalogueSnapshot> {
  const version = await readCounter(COUNTER);
  const [departments, windows, items, bundles] = await Promise.all([
    DepartmentModel.find({ active: true }).sort({ sortOrder: 1, code: 1 }).lean(),
    WindowModel.find({}).lean(),
    ItemModel.find({ published: true }).sort({ code: 1 }).lean(),
    BundleModel.find({ published: true }).sort({ code: 1 }).lean(),
  ]);
  const departmentsByCode = new Map(departments.map((d) => [d.code, d]));
  const windowsByCode = new Map(windows.map((w) => [w.code, w]));
  const guides = items.map((item) => buildGuide(item, departmentsByCode, windowsByCode));
  const byCode = new Map(guides.map((g) => [g.code, g]));
  const bundleGuides = bundles.flatMap((b) => buildBundleGuide(b, byCode) ?? []);
  return {
    version,
    departments,
    departmentsByCode,
    windowsByCode,
    entries: guides.map(toSearchEntry),
    byCode,
    bundlesByCode: new Map(bundleGuides.map((b) => [b.code, b])),
    answers: new Map(),
  };
}
