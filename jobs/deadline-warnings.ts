// Warns each department's admins of accepted cases due within one working day and of overdue
// ones, once per case, kind and day, in staff_notices.
import chineseDays from 'chinese-days';
import { ApplicationModel } from '../models/application.ts';
import { StaffModel } from '../models/staff.ts';
import { StaffNoticeModel } from '../models/staff-notice.ts';
import { config } from '../server/config.ts';
import { getCatalogue } from '../services/catalogue/store.ts';
import { localDate } from '../services/queue/clock.ts';
import type { Job } from './types.ts';

export const deadlineWarningsJob: Job = {
  name: 'deadline-warnings',
  schedule: '0 8 * * *',
  async run(now) {
    const today = localDate(now, config.TZ_NAME);
    // TODO(lead): use the calendar module (admin closures) once booking is merged.
    const nextWorkday = chineseDays.findWorkday(1, today);
    const catalogue = await getCatalogue();
    const admins = new Map<string, { _id: unknown }[]>();
    let notices = 0;
    let cases = 0;
    const due = ApplicationModel.find({ status: 'accepted', deadline: { $ne: null, $lte: nextWorkday } }, 'itemCode department deadline acceptedDate').lean();
    for await (const application of due.cursor({ batchSize: 500 })) {
      cases++;
      const overdue = application.deadline! < today;
      const kind = overdue ? 'deadline_overdue' : 'deadline_due';
      const itemName = catalogue.byCode.get(application.itemCode)?.name ?? application.itemCode;
      const message = overdue ? `办件已超期：${itemName}（办结时限 ${application.deadline}）` : `办件即将到期：${itemName}（办结时限 ${application.deadline}）`;
      if (!admins.has(application.department)) {
        admins.set(application.department, await StaffModel.find({ role: 'dept_admin', department: application.department, active: true }, { _id: 1 }).lean());
      }
      const writes = admins.get(application.department)!.map((admin) => ({
        updateOne: {
          filter: { key: `${kind}:${application._id}:${today}:${admin._id}` },
          update: {
            $setOnInsert: {
              staffId: admin._id, department: application.department, kind, entity: 'application', entityId: String(application._id), message,
              data: { itemCode: application.itemCode, deadline: application.deadline, acceptedDate: application.acceptedDate },
            },
          },
          upsert: true,
        },
      }));
      if (writes.length > 0) notices += (await StaffNoticeModel.bulkWrite(writes as never, { ordered: false })).upsertedCount;
    }
    return { cases, notices };
  },
};
