// Everything the access matrix needs: one caller of every kind, two departments, and real
// records (of department X and citizen A) to put into path parameters.
import mongoose from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { CitizenMaterialModel } from '../../models/citizen-material.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { ScheduleModel } from '../../models/schedule.ts';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { WebhookModel } from '../../models/webhook.ts';
import { encryptPii } from '../../services/pii/crypto.ts';
import { hashScreenToken } from '../../server/auth/screen-token.ts';
import { createCategory } from '../../services/hotline/categories.ts';
import { dispatchRequest } from '../../services/hotline/dispatch.ts';
import { submitByCitizen } from '../../services/hotline/intake.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow, suffix } from './factories.ts';

export const ROLES = ['anonymous', 'citizenA', 'citizenB', 'windowX', 'deptAdminX', 'deptAdminY', 'centerAdmin', 'screen'] as const;
export type Role = (typeof ROLES)[number];

export interface AccessFixture {
  headers: Record<Role, Record<string, string>>;
  /** Values for path parameters, by route path. */
  params: (path: string) => Record<string, string>;
  hallCode: string;
}

/** Which fixture id a path's `:id` takes, by the first fragment of the path that matches. */
const ID_BY_PATH: [string, (ids: Record<string, string>) => string][] = [
  ['/rectifications', (ids) => ids.rectificationId!],
  ['/appointments', (ids) => ids.appointmentId!],
  ['/tickets/', (ids) => ids.ticketId!],
  ['/schedules', (ids) => ids.scheduleId!],
  ['/admin/citizens', (ids) => ids.citizenId!],
  ['/me/materials', (ids) => ids.libraryId!],
  ['/admin/staff', (ids) => ids.staffId!],
  ['/admin/webhooks', (ids) => ids.webhookId!],
  ['/admin/payments', (ids) => ids.unknownId!],
];

export async function buildAccessFixture(): Promise<AccessFixture> {
  const deptX = (await buildDepartment()).code;
  const deptY = (await buildDepartment()).code;
  const hallCode = `H${suffix()}`;
  const windowX = (await buildWindow(deptX, { hallCode })).code;
  const item = await buildItem({ department: deptX, windows: [windowX], fee: { charged: true, items: [{ name: '工本费', amountFen: 2000 }] } });
  const citizenA = await buildCitizen({ verified: true });
  const citizenB = await buildCitizen({ verified: true });
  const staff = {
    windowX: await buildStaff('window', deptX, [windowX]),
    deptAdminX: await buildStaff('dept_admin', deptX),
    deptAdminY: await buildStaff('dept_admin', deptY),
    centerAdmin: await buildStaff('center_admin', null),
  };
  const screenToken = `screen-${suffix()}-${suffix()}`;
  await ScreenDeviceModel.create({ _id: `SCREEN-${suffix()}`, name: '大厅一号屏', hallCode, tokenHash: hashScreenToken(screenToken) });
  const application = await ApplicationModel.create({
    citizenId: new mongoose.Types.ObjectId(citizenA.id),
    itemCode: item.code,
    department: deptX,
    status: 'submitted',
    history: [{ status: 'submitted', at: new Date(), by: { kind: 'citizen', id: citizenA.id } }],
  });
  const rectification = await RectificationModel.create({
    applicationId: application._id,
    evaluationId: new mongoose.Types.ObjectId(),
    openedAt: new Date(),
    department: deptX,
    itemCode: item.code,
    score: 1,
    deadline: '2026-12-31',
    status: 'open',
  });
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
  const appointment = await AppointmentModel.create({
    citizenId: new mongoose.Types.ObjectId(citizenA.id),
    itemCode: item.code,
    department: deptX,
    slotId: new mongoose.Types.ObjectId(),
    windowGroup: windowX,
    date: startsAt.toISOString().slice(0, 10),
    start: '09:00',
    end: '09:30',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    checkInCode: `CK${suffix()}${suffix()}`,
  });
  const schedule = await ScheduleModel.create({
    windowGroup: windowX,
    windows: [windowX],
    department: deptX,
    slotMinutes: 30,
    seatsPerSlot: 2,
    hours: [{ weekday: 1, open: '09:00', close: '12:00' }],
  });
  // A ticket of department X called at windowX (for the queue-steering routes).
  const ticket = await QueueTicketModel.create({
    hallCode,
    windowGroup: windowX,
    date: startsAt.toISOString().slice(0, 10),
    ticketNo: `T${suffix()}`,
    source: 'walk_in',
    itemCode: item.code,
    windows: [windowX],
    department: deptX,
    queueKey: `1|09:00|1|${startsAt.toISOString()}`,
    status: 'called',
    issuedAt: startsAt,
    calledAt: startsAt,
    calledWindow: windowX,
    callCount: 1,
  });
  const webhook = await WebhookModel.create({
    url: 'http://127.0.0.1:9/hooks',
    events: ['application.status_changed'],
    secretEnc: encryptPii('whsec_access-fixture'),
    createdBy: staff.centerAdmin.id,
  });
  const libraryEntry = await CitizenMaterialModel.create({
    citizenId: new mongoose.Types.ObjectId(citizenA.id),
    typeCode: 'name:居民身份证',
    typeName: '居民身份证',
    materialName: '居民身份证',
    fileId: new mongoose.Types.ObjectId(),
    filename: 'id.pdf',
    contentType: 'application/pdf',
    size: 100,
    sha256: '0'.repeat(64),
    sourceApplicationId: application._id,
    approvedBy: staff.windowX.id,
    approvedAt: new Date(),
    validUntil: '2999-12-31',
  });
  // A hotline request of citizen A, dispatched to department X.
  const center = { kind: 'staff' as const, id: staff.centerAdmin.id, role: 'center_admin' as const, department: null, windows: [] };
  const hotlineCategory = `HC${suffix()}`;
  await createCategory({ code: hotlineCategory, name: '物业管理' }, { actor: center, now: new Date() });
  const hotline = await submitByCitizen(citizenA.id, { type: '投诉', category: hotlineCategory, text: '小区电梯停运三天' }, new Date());
  await dispatchRequest(hotline.number, { department: deptX }, { staff: center, now: new Date() });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: Record<string, string> = {
    applicationId: String(application._id),
    rectificationId: String(rectification._id),
    appointmentId: String(appointment._id),
    scheduleId: String(schedule._id),
    ticketId: String(ticket._id),
    citizenId: citizenA.id,
    libraryId: String(libraryEntry._id),
    staffId: staff.windowX.id,
    webhookId: String(webhook._id),
    unknownId: String(new mongoose.Types.ObjectId()),
  };
  return {
    hallCode,
    headers: {
      anonymous: {},
      citizenA: bearer(citizenA.token),
      citizenB: bearer(citizenB.token),
      windowX: bearer(staff.windowX.token),
      deptAdminX: bearer(staff.deptAdminX.token),
      deptAdminY: bearer(staff.deptAdminY.token),
      centerAdmin: bearer(staff.centerAdmin.token),
      screen: { 'X-Screen-Token': screenToken },
    },
    params: (path) => {
      if (path.includes('/hotline/') || path.startsWith('/open311/')) {
        const id = path.startsWith('/open311/v2/tokens') ? (hotline.token ?? 'none') : hotline.number;
        return { code: hotlineCategory, id, materialName: '', hallCode, date: '2026-12-24', year: '2027' };
      }
      const code = path.includes('/departments') ? deptX : path.includes('/windows') ? windowX : item.code;
      // The first fragment of the path that names a kind of record picks the fixture's id of that kind.
      const id = ID_BY_PATH.find(([fragment]) => path.includes(fragment))?.[1](ids) ?? ids.applicationId!;
      return { code, id, materialName: '居民身份证', hallCode, date: '2026-12-24', year: '2027' };
    },
  };
}
