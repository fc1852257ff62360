// 督办: notices to the lead department's head (staff_notices, audience dept_admin) before and
// after the sign-for and reply deadlines, each once per request, deadline and kind (a unique
// dedupeKey, so a second run or instance adds nothing).
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { StaffNoticeModel } from '../../models/staff-notice.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { deadlineCalendar, workingHoursAfter } from './working-time.ts';

type Kind = 'hotline_sign_due' | 'hotline_sign_overdue' | 'hotline_reply_due' | 'hotline_reply_overdue';
const MESSAGES: Record<Kind, string> = {
  hotline_sign_due: '诉求即将超过签收时限',
  hotline_sign_overdue: '【督办】诉求已超过签收时限',
  hotline_reply_due: '诉求即将超过答复时限',
  hotline_reply_overdue: '【督办】诉求已超过答复时限',
};

async function notify(request: HotlineRequestDoc, kind: Kind, due: Date, now: Date): Promise<boolean> {
  if (!request.department) return false;
  try {
    await StaffNoticeModel.create({
      department: request.department,
      audience: 'dept_admin',
      kind,
      entity: 'hotline_request',
      entityId: request.number,
      message: `${MESSAGES[kind]}：${request.number}（时限 ${due.toISOString()}）`,
      createdAt: now,
      dedupeKey: `${kind}:${request.number}:${due.toISOString()}`,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

async function* concat<T>(...sources: AsyncIterable<T>[]): AsyncIterable<T> {
  for (const source of sources) yield* source;
}

/** One pass: warns of deadlines within `leadHours` working hours and of those already passed. */
export async function superviseDeadlines(now: Date, leadHours = 4): Promise<{ checked: number; notices: number }> {
  const horizon = workingHoursAfter(await deadlineCalendar(now), now, leadHours);
  let checked = 0;
  let notices = 0;
  // Two queries, not one $or: each is a scan of its own status/deadline index.
  const fields = { number: 1, department: 1, status: 1, signDue: 1, replyDue: 1 };
  const signing = HotlineRequestModel.find({ status: 'dispatched', signDue: { $lte: horizon } }, fields).lean<HotlineRequestDoc[]>();
  const replying = HotlineRequestModel.find({ status: 'signed', replyDue: { $lte: horizon } }, fields).lean<HotlineRequestDoc[]>();
  for await (const request of concat(signing.cursor({ batchSize: 500 }), replying.cursor({ batchSize: 500 }))) {
    checked++;
    const deadline = request.status === 'dispatched' ? request.signDue! : request.replyDue;
    const stage = request.status === 'dispatched' ? 'sign' : 'reply';
    const kind: Kind = `hotline_${stage}_${deadline < now ? 'overdue' : 'due'}`;
    if (await notify(request, kind, deadline, now)) notices++;
  }
  return { checked, notices };
}
