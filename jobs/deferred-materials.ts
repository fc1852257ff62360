// 容缺受理 follow-up: one working day before a deferred material is due, reminds the citizen
// (notifications outbox); once it is overdue, flags the case to the department's window staff
// (staff_notices). Each is given once per case and material: both inserts carry a unique
// dedupeKey, so a second run (or instance) gets a duplicate key and moves on.
import { ApplicationModel } from '../models/application.ts';
import { StaffNoticeModel } from '../models/staff-notice.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';
import { businessDate } from '../services/applications/business-date.ts';
import { addWorkingDays } from '../services/applications/working-days.ts';
import type { CatalogueCache } from '../services/catalogue/store.ts';
import { clip, queueNotice } from '../services/notifications/outbox.ts';
import type { Job } from './types.ts';

/** The query of accepted cases with a pending deferred material due by `horizon` (uses the `deferred` index). */
export const deferredDueQuery = (horizon: string) => ({
  status: 'accepted' as const,
  deferred: { $elemMatch: { status: 'pending', dueDate: { $lte: horizon } } },
});

export const deferredMaterialsJob = (catalogueCache: CatalogueCache): Job => ({
  name: 'deferred-materials',
  schedule: '15 8 * * *',
  async run(now) {
    const today = businessDate(now);
    const horizon = await addWorkingDays(today, 1);
    const catalogue = catalogueCache.current();
    let reminded = 0;
    let flagged = 0;
    const cases = ApplicationModel.find(deferredDueQuery(horizon), 'citizenId itemCode department deferred').lean();
    for await (const application of cases.cursor({ batchSize: 500 })) {
      const id = String(application._id);
      const itemName = catalogue.byCode.get(application.itemCode)?.name ?? application.itemCode;
      for (const deferred of application.deferred) {
        if (deferred.status !== 'pending' || deferred.dueDate > horizon) continue;
        if (deferred.dueDate >= today) {
          if (!application.citizenId) continue;
          const queued = await queueNotice(
            {
              citizenId: application.citizenId,
              entity: 'application',
              entityId: id,
              kind: 'deferred_reminder',
              page: `pages/applications/detail?id=${id}`,
              data: {
                thing1: { value: clip(itemName) },
                phrase2: { value: '待补交材料' },
                thing3: { value: clip(`请于${deferred.dueDate}前补交${deferred.materialName}`) },
                time4: { value: `${deferred.dueDate} 17:00` },
              },
              dedupeKey: `deferred_reminder:${id}:${deferred.materialName}`,
            },
            now,
          );
          if (queued) reminded++;
        } else if (await flagOverdue(application.department, id, itemName, deferred, now)) {
          flagged++;
        }
      }
    }
    return { reminded, flagged };
  },
});

async function flagOverdue(department: string, id: string, itemName: string, deferred: { materialName: string; dueDate: string }, now: Date) {
  try {
    await StaffNoticeModel.create({
      department,
      audience: 'window',
      kind: 'deferred_overdue',
      entity: 'application',
      entityId: id,
      message: `容缺材料逾期未补交：${itemName}（${deferred.materialName}，应于 ${deferred.dueDate} 前补交）`,
      createdAt: now,
      dedupeKey: `deferred_overdue:${id}:${deferred.materialName}`,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
