// Handling by the lead department after 签收: first contact, internal notes (co-handlers too),
// one extension request (decided by the center; the original deadline stays for the figures),
// and the reply (答复), which starts the citizen's rating window.
import type { HotlineRequestDoc, REPLY_OUTCOMES } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, invalidState } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { emitEvent } from '../webhooks/events.ts';
import { ledRequest, visibleRequest } from './access.ts';
import { tellReplied } from './notices.ts';
import { transition } from './transition.ts';
import { deadlineCalendar, workingDaysAfter } from './working-time.ts';

interface Acting {
  staff: StaffPrincipal;
  now: Date;
  requestId?: string | undefined;
}

const refuseUnlessSigned = (action: string) => (current: HotlineRequestDoc) => {
  throw invalidState(current.status, action);
};

/** Records the first contact with the citizen. */
export async function recordContact(id: string, note: string, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await ledRequest(staff, id);
  const changed = await transition(
    request._id,
    { status: 'signed', department: staff.department, contactedAt: null },
    { $set: { contactedAt: now } },
    { action: 'contacted', actor: staff, now, note },
    (current) => {
      if (current.contactedAt) throw conflict('ALREADY_CONTACTED', '已记录过首次联系');
      throw invalidState(current.status, '记录联系');
    },
  );
  await recordAudit({ actor: staff, action: 'contact', entity: 'hotline_request', entityId: changed.number, requestId }, now);
  return changed;
}

/** An internal note of a handling department: never shown to the citizen. */
export async function addNote(id: string, text: string, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await visibleRequest(staff, id);
  const changed = await transition(request._id, {}, {}, { action: 'note', actor: staff, now, note: text, internal: true }, refuseUnlessSigned('备注'));
  await recordAudit({ actor: staff, action: 'note', entity: 'hotline_request', entityId: changed.number, requestId }, now);
  return changed;
}

/** Asks once for an extension of the reply deadline. */
export async function requestExtension(id: string, reason: string, days: number, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await ledRequest(staff, id);
  const changed = await transition(
    request._id,
    { status: 'signed', department: staff.department, 'extension.status': 'none' },
    { $set: { extension: { status: 'requested', reason, days } } },
    { action: 'extension_requested', actor: staff, now, note: reason },
    (current) => {
      if (current.extension?.status && current.extension.status !== 'none') throw conflict('EXTENSION_USED', '延期只能申请一次');
      throw invalidState(current.status, '申请延期');
    },
  );
  await recordAudit(
    { actor: staff, action: 'request_extension', entity: 'hotline_request', entityId: changed.number, after: { reason, days }, requestId },
    now,
  );
  return changed;
}

/** The center approves (the reply deadline moves by the days asked) or refuses an extension. */
export async function decideExtension(id: string, approve: boolean, note: string, { staff, now, requestId }: Acting): Promise<HotlineRequestDoc> {
  const request = await visibleRequest(staff, id);
  const replyDue = approve ? workingDaysAfter(await deadlineCalendar(request.replyDue), request.replyDue, request.extension?.days ?? 0) : request.replyDue;
  const changed = await transition(
    request._id,
    { 'extension.status': 'requested' },
    { $set: { 'extension.status': approve ? 'approved' : 'refused', replyDue } },
    { action: approve ? 'extension_approved' : 'extension_refused', actor: staff, now, note },
    (current) => {
      throw conflict('NO_EXTENSION_REQUESTED', '没有待审批的延期申请', { extension: current.extension?.status });
    },
  );
  await recordAudit(
    { actor: staff, action: 'decide_extension', entity: 'hotline_request', entityId: changed.number, after: { approve, replyDue }, requestId },
    now,
  );
  return changed;
}

/** The reply (答复): the citizen is told and may rate it within the window. */
export async function replyToRequest(
  id: string,
  reply: { outcome: (typeof REPLY_OUTCOMES)[number]; text: string },
  { staff, now, requestId }: Acting,
): Promise<HotlineRequestDoc> {
  const request = await ledRequest(staff, id);
  const ratingDue = workingDaysAfter(await deadlineCalendar(now), now, config.HOTLINE_RATING_WINDOW_DAYS);
  const changed = await transition(
    request._id,
    { status: 'signed', department: staff.department },
    {
      $set: {
        status: 'replied',
        repliedAt: now,
        ratingDue,
        firstRepliedAt: request.firstRepliedAt ?? now,
        contactedAt: request.contactedAt ?? now,
        'rating.value': null,
        'rating.by': null,
        'rating.at': null,
      },
      $push: { replies: { ...reply, at: now, department: staff.department } },
    },
    { action: 'replied', actor: staff, now, note: reply.outcome },
    refuseUnlessSigned('答复'),
  );
  await recordAudit({ actor: staff, action: 'reply', entity: 'hotline_request', entityId: changed.number, after: reply, requestId }, now);
  await tellReplied(changed, now);
  // Partner systems hear of the reply too; the payload names the request, never the citizen.
  await emitEvent(
    'hotline.replied',
    { number: changed.number, type: changed.type, category: changed.category, department: staff.department, outcome: reply.outcome },
    now,
  );
  return changed;
}
