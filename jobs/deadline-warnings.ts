// Warns each department's admins (staff_notices, audience dept_admin) of accepted cases due
// within one working day and of overdue ones, once per case, kind and day.
import { ApplicationModel } from '../models/application.ts';
import { StaffNoticeModel } from '../models/staff-notice.ts';
import { businessDate } from '../services/applications/business-date.ts';
import { isOverdue } from '../services/applications/deadline.ts';
import { addWorkingDays } from '../services/applications/working-days.ts';
import type { CatalogueCache } from '../services/catalogue/store.ts';
import { isDuplicateKey } from '../server/mongo-errors.ts';
import type { Job } from './types.ts';

export const deadlineWarningsJob = (catalogueCache: CatalogueCache): Job => ({
  name: 'deadline-warnings',
  schedule: '0 8 * * *',
  async run(now) {
    const today = businessDate(now);
    const horizon = await addWorkingDays(today, 1);
    const catalogue = catalogueCache.current();
    let cases = 0;
    let notices = 0;
    const due = ApplicationModel.find({ status: 'accepted', deadline: { $ne: null, $lte: horizon } }, 'itemCode department status deadline').lean();
    for await (const application of due.cursor({ batchSize: 500 })) {
      cases++;
      const overdue = isOverdue(application, today);
      const kind = overdue ? 'deadline_overdue' : 'deadline_due';
      const itemName = catalogue.byCode.get(application.itemCode)?.name ?? application.itemCode;
      try {
        await StaffNoticeModel.create({
          department: application.department,
          audience: 'dept_admin',
          kind,
          entity: 'application',
          entityId: String(application._id),
          message: overdue ? `办件已超期：${itemName}（办结时限 ${application.deadline}）` : `办件即将到期：${itemName}（办结时限 ${application.deadline}）`,
          createdAt: now,
          // Once per case, kind and day: a second run (or instance) gets a duplicate key.
          dedupeKey: `${kind}:${String(application._id)}:${today}`,
        });
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
      notices++;
    }
    return { cases, notices };
  },
});
