// Idempotent demo data: upserts by code, so running it twice changes nothing.
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { WindowModel } from '../models/window.ts';
import { logger } from '../server/logger.ts';
import { departments, items, windows } from './data/catalogue.ts';

/** Loads the demo data when the database has no items yet. */
export async function seedIfEmpty(): Promise<boolean> {
  if (await ItemModel.exists({})) return false;
  await seedAll();
  return true;
}

/** Upserts every demo record. */
export async function seedAll(): Promise<Record<string, number>> {
  for (const d of departments) await DepartmentModel.updateOne({ code: d.code }, { $set: d }, { upsert: true });
  for (const w of windows) await WindowModel.updateOne({ code: w.code }, { $set: w }, { upsert: true });
  for (const i of items) await ItemModel.updateOne({ code: i.code }, { $set: i }, { upsert: true });
  const counts = { departments: departments.length, windows: windows.length, items: items.length };
  logger.info(counts, 'demo data loaded');
  return counts;
}
