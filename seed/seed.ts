// Idempotent demo data: the catalogue is upserted by code (a record already holding the demo
// values is not written), staff, the screen device and opening hours are created only when absent.
import { DepartmentModel } from '../models/department.ts';
import { ItemModel } from '../models/item.ts';
import { BundleModel } from '../models/bundle.ts';
import { bundles } from './data/bundles.ts';
import { WindowModel } from '../models/window.ts';
import { config } from '../server/config.ts';
import { logger } from '../server/logger.ts';
import { markCatalogueChanged } from '../services/catalogue/store.ts';
import { seedScreen, seedStaff } from './accounts.ts';
import { seedCredentials, type SeedCredentials } from './credentials.ts';
import { departments, items, windows } from './data/catalogue.ts';
import { seedSchedules } from './schedules.ts';
import { upsertByCode } from './upsert.ts';
import { seedDefaultCategories } from '../services/hotline/categories.ts';

export interface SeedReport {
  departments: number;
  windows: number;
  items: number;
  /** Catalogue records inserted or changed by this run. */
  changed: number;
  staffCreated: number;
  screensCreated: number;
  schedulesCreated: number;
  hotlineCategoriesCreated: number;
}

/** Loads the demo data when the database has no items yet. */
export async function seedIfEmpty(): Promise<boolean> {
  if (await ItemModel.exists({})) return false;
  const credentials = seedCredentials(config.NODE_ENV);
  const report = await seedAll(credentials);
  if (credentials.generated && report.staffCreated + report.screensCreated > 0) {
    logger.warn('demo staff and screen were created with random secrets (production), not shown: reset them as center admin before use');
  }
  return true;
}

/** Upserts every demo record; running it twice changes nothing. */
export async function seedAll(credentials: SeedCredentials = seedCredentials(config.NODE_ENV)): Promise<SeedReport> {
  const changed =
    (await upsertByCode(DepartmentModel, departments)) +
    (await upsertByCode(WindowModel, windows)) +
    (await upsertByCode(ItemModel, items)) +
    (await upsertByCode(BundleModel, bundles));
  // Running instances reload within CATALOGUE_REFRESH_MS.
  if (changed > 0) await markCatalogueChanged();
  const report: SeedReport = {
    departments: departments.length,
    windows: windows.length,
    items: items.length,
    changed,
    staffCreated: await seedStaff(credentials.staffPassword),
    screensCreated: await seedScreen(credentials),
    schedulesCreated: await seedSchedules(items, windows),
    hotlineCategoriesCreated: await seedDefaultCategories(),
  };
  logger.info(report, 'demo data loaded');
  return report;
}
