// Screen devices and announcements, administered by center admins. A device token is shown
// once (at creation or rotation); only its SHA-256 is stored. Every change is audited.
import { randomBytes } from 'node:crypto';
import { AnnouncementModel } from '../../models/announcement.ts';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { clearScreenTokenCache, hashScreenToken } from '../../server/auth/screen-token.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';

interface Change {
  actor: StaffPrincipal;
  requestId?: string;
}

const newToken = () => `scr_${randomBytes(24).toString('base64url')}`;

/** Registers a device; returns it with its token (the only time the token is shown). */
export async function createScreenDevice(input: { code: string; name: string; hallCode: string; speech?: boolean }, change: Change) {
  if (await ScreenDeviceModel.exists({ _id: input.code })) throw conflict('CODE_TAKEN', '设备编码已存在', { code: input.code });
  const token = newToken();
  const device = (
    await ScreenDeviceModel.create({ _id: input.code, name: input.name, hallCode: input.hallCode, speech: input.speech, tokenHash: hashScreenToken(token) })
  ).toObject();
  await recordAudit({
    actor: change.actor,
    action: 'create',
    entity: 'screen_device',
    entityId: input.code,
    after: withoutHash(device),
    requestId: change.requestId,
  });
  return { device, token };
}

/** Changes name, hall, speech or active; takes effect on every instance within the token cache time. */
export async function updateScreenDevice(code: string, patch: { name?: string; hallCode?: string; speech?: boolean; active?: boolean }, change: Change) {
  const before = await ScreenDeviceModel.findById(code).lean();
  if (!before) throw notFound('大屏设备');
  const after = await ScreenDeviceModel.findByIdAndUpdate(code, { $set: patch }, { returnDocument: 'after' }).lean();
  clearScreenTokenCache();
  await recordAudit({
    actor: change.actor,
    action: 'update',
    entity: 'screen_device',
    entityId: code,
    before: withoutHash(before),
    after: withoutHash(after!),
    requestId: change.requestId,
  });
  return after!;
}

/** Issues a new token; the old one stops working. */
export async function rotateScreenToken(code: string, change: Change) {
  const token = newToken();
  const device = await ScreenDeviceModel.findByIdAndUpdate(code, { $set: { tokenHash: hashScreenToken(token) } }, { returnDocument: 'after' }).lean();
  if (!device) throw notFound('大屏设备');
  clearScreenTokenCache();
  await recordAudit({ actor: change.actor, action: 'rotate_token', entity: 'screen_device', entityId: code, requestId: change.requestId });
  return { device, token };
}

export async function deleteScreenDevice(code: string, change: Change): Promise<void> {
  const before = await ScreenDeviceModel.findByIdAndDelete(code).lean();
  if (!before) throw notFound('大屏设备');
  clearScreenTokenCache();
  await recordAudit({
    actor: change.actor,
    action: 'delete',
    entity: 'screen_device',
    entityId: code,
    before: withoutHash(before),
    requestId: change.requestId,
  });
}

type AnnouncementInput = { hallCode?: string | null; text?: string; startsAt?: Date | null; endsAt?: Date | null; active?: boolean; sortOrder?: number };

export async function createAnnouncement(input: AnnouncementInput, change: Change) {
  const created = (await AnnouncementModel.create(input)).toObject();
  await recordAudit({
    actor: change.actor,
    action: 'create',
    entity: 'announcement',
    entityId: String(created._id),
    after: created,
    requestId: change.requestId,
  });
  return created;
}

export async function updateAnnouncement(id: string, patch: AnnouncementInput, change: Change) {
  const before = await AnnouncementModel.findById(id).lean();
  if (!before) throw notFound('公告');
  const after = await AnnouncementModel.findByIdAndUpdate(id, { $set: patch }, { returnDocument: 'after' }).lean();
  await recordAudit({ actor: change.actor, action: 'update', entity: 'announcement', entityId: id, before, after, requestId: change.requestId });
  return after!;
}

export async function deleteAnnouncement(id: string, change: Change): Promise<void> {
  const before = await AnnouncementModel.findByIdAndDelete(id).lean();
  if (!before) throw notFound('公告');
  await recordAudit({ actor: change.actor, action: 'delete', entity: 'announcement', entityId: id, before, requestId: change.requestId });
}

function withoutHash<T extends { tokenHash?: string }>(device: T): Omit<T, 'tokenHash'> {
  const { tokenHash: _hidden, ...rest } = device;
  return rest;
}
