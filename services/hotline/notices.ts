// What the citizen is told about a hotline request, through the notification outbox (the case
// status template: thing1 事项, phrase2 状态, thing3 说明, time4 时间). Each message once per
// request and event (dedupeKey), so a retried step never tells the citizen twice.
import type { Types } from 'mongoose';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import { config } from '../../server/config.ts';
import { zonedDate, zonedTime } from '../calendar/zoned-time.ts';
import { clip, queueNotice } from '../notifications/outbox.ts';

const LABELS = { received: '已受理', replied: '已答复', closed: '已办结' } as const;
type Kind = keyof typeof LABELS;

async function tell(citizenId: Types.ObjectId, request: Pick<HotlineRequestDoc, '_id' | 'number'>, kind: Kind, explanation: string, at: Date, key: string) {
  await queueNotice(
    {
      citizenId,
      entity: 'hotline_request',
      entityId: String(request._id),
      kind: `hotline_${kind}`,
      page: `pages/hotline/detail?id=${request.number}`,
      data: {
        thing1: { value: '12345热线诉求' },
        phrase2: { value: LABELS[kind] },
        thing3: { value: clip(explanation) },
        time4: { value: `${zonedDate(at, config.TZ_NAME)} ${zonedTime(at, config.TZ_NAME)}` },
      },
      dedupeKey: `hotline:${key}`,
    },
    at,
  );
}

/** The acknowledgement of a new request, with the number to quote. */
export async function acknowledge(request: HotlineRequestDoc, at: Date): Promise<void> {
  if (request.citizenId) await tell(request.citizenId, request, 'received', `编号${request.number}`, at, `received:${request.number}`);
}

/** The reply, to the request's citizen and to the citizens of the duplicates merged into it. */
export async function tellReplied(request: HotlineRequestDoc, at: Date): Promise<void> {
  const round = request.replies.length;
  const merged = await HotlineRequestModel.find({ mergedInto: request.number }, { citizenId: 1, number: 1 }).limit(500).lean<HotlineRequestDoc[]>();
  for (const each of [request, ...merged]) {
    if (each.citizenId)
      await tell(each.citizenId, each, 'replied', `请查看答复并评价：${request.number}`, at, `replied:${each.number}:${request.number}:${round}`);
  }
}
