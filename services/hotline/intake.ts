// Intake from every channel: the mini-program, a phone call entered by an operator, a partner
// system through Open311. Each request gets its number, its deadlines in working time, and the
// citizen an acknowledgement through the notification outbox.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { CitizenModel } from '../../models/citizen.ts';
import { HotlineRequestModel, type HotlineRequestDoc, type HotlineType } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import { encryptPii, hashPii } from '../pii/crypto.ts';
import { activeCategory } from './categories.ts';
import { limitsFor } from './limits.ts';
import { acknowledge } from './notices.ts';
import { nextRequestNumber } from './numbering.ts';
import { historyEntry, type Actor } from './transition.ts';
import { deadlineCalendar, workingDaysAfter } from './working-time.ts';

export interface RequestInput {
  type: HotlineType;
  category: string;
  text: string;
  location?: { address?: string; lat?: number | null; long?: number | null } | undefined;
  contactAllowed?: boolean | undefined;
  anonymous?: boolean | undefined;
}

interface Origin {
  channel: 'mini_program' | 'phone' | 'open311';
  actor: Actor;
  citizenId?: Types.ObjectId | null;
  caller?: { nameEnc: string | null; phoneEnc: string | null; phoneHash: string | null };
  partnerId?: string;
  token?: string;
}

/** Creates one request; the common part of every channel. */
async function createRequest(input: RequestInput, origin: Origin, now: Date): Promise<HotlineRequestDoc> {
  if (input.anonymous && input.type !== '举报') throw validationFailed({ 'body.anonymous': '只有举报可以匿名' }, '只有举报可以匿名');
  const category = await activeCategory(input.category);
  const limits = limitsFor(input.type, category);
  const calendar = await deadlineCalendar(now);
  const replyDue = workingDaysAfter(calendar, now, limits.replyDays);
  const created = await HotlineRequestModel.create({
    number: await nextRequestNumber(now),
    type: input.type,
    category: category.code,
    text: input.text,
    location: { address: input.location?.address ?? '', lat: input.location?.lat ?? null, long: input.location?.long ?? null },
    channel: origin.channel,
    contactAllowed: input.contactAllowed ?? true,
    anonymous: input.anonymous ?? false,
    citizenId: origin.citizenId ?? null,
    caller: origin.caller ?? { nameEnc: null, phoneEnc: null, phoneHash: null },
    partnerId: origin.partnerId ?? null,
    token: origin.token ?? null,
    receivedAt: now,
    month: zonedDate(now, config.TZ_NAME).slice(0, 7),
    contactDue: workingDaysAfter(calendar, now, limits.contactDays),
    replyDue,
    originalReplyDue: replyDue,
    history: [historyEntry({ action: 'received', actor: origin.actor, now, note: channelNote[origin.channel] })],
  });
  const request = created.toObject<HotlineRequestDoc>();
  await acknowledge(request, now);
  return request;
}

const channelNote = { mini_program: '小程序提交', phone: '热线来电', open311: '合作系统提交' } as const;

/** A citizen's request from the mini-program; the contact details are those of the profile. */
export async function submitByCitizen(citizenId: string, input: RequestInput, now: Date): Promise<HotlineRequestDoc> {
  const citizen = await CitizenModel.findById(citizenId, { nameEnc: 1, phoneEnc: 1, phoneHash: 1 }).lean();
  const caller = { nameEnc: citizen?.nameEnc ?? null, phoneEnc: citizen?.phoneEnc ?? null, phoneHash: citizen?.phoneHash ?? null };
  return createRequest(input, { channel: 'mini_program', actor: { kind: 'citizen', id: citizenId }, citizenId: new Types.ObjectId(citizenId), caller }, now);
}

/** A phone call entered by an operator on the caller's behalf (audited). */
export async function enterCall(
  operator: StaffPrincipal,
  input: RequestInput & { callerPhone: string; callerName?: string | undefined },
  now: Date,
  requestId?: string,
): Promise<HotlineRequestDoc> {
  const caller = {
    nameEnc: input.callerName ? encryptPii(input.callerName) : null,
    phoneEnc: encryptPii(input.callerPhone),
    phoneHash: hashPii(input.callerPhone),
  };
  const request = await createRequest(input, { channel: 'phone', actor: operator, caller }, now);
  await recordAudit(
    {
      actor: operator,
      action: 'create',
      entity: 'hotline_request',
      entityId: request.number,
      after: { type: request.type, category: request.category },
      requestId,
    },
    now,
  );
  return request;
}

/** A request posted by a partner system (Open311); answers it with its GeoReport token. */
export async function submitByPartner(
  partnerId: string,
  input: RequestInput & { phone?: string | undefined; name?: string | undefined },
  now: Date,
): Promise<HotlineRequestDoc> {
  const caller = {
    nameEnc: input.name ? encryptPii(input.name) : null,
    phoneEnc: input.phone ? encryptPii(input.phone) : null,
    phoneHash: input.phone ? hashPii(input.phone) : null,
  };
  const token = randomBytes(12).toString('base64url');
  return createRequest(input, { channel: 'open311', actor: { kind: 'system', id: `partner:${partnerId}` }, caller, partnerId, token }, now);
}
