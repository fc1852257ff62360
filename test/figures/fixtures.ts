// Records for the figures tests, written raw on fixed dates (the figures count by event date).
import { Types } from 'mongoose';
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { config } from '../../server/config.ts';
import { zonedInstant } from '../../services/calendar/zoned-time.ts';
import { suffix } from '../helpers/factories.ts';

export const at = (date: string, time: string) => zonedInstant(date, time, config.TZ_NAME);
const plus = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

export interface Where {
  department: string;
  itemCode: string;
  window: string;
}

export async function insertAppointment(where: Where, date: string, status: string) {
  const startsAt = at(date, '09:00');
  await AppointmentModel.collection.insertOne({
    citizenId: new Types.ObjectId(),
    itemCode: where.itemCode,
    department: where.department,
    slotId: new Types.ObjectId(),
    windowGroup: where.window,
    date,
    start: '09:00',
    end: '09:30',
    startsAt,
    endsAt: plus(startsAt, 30),
    status,
    checkInCode: `CK${suffix()}${suffix()}`,
    createdAt: startsAt,
    updatedAt: startsAt,
  });
}

/** A ticket issued at 09:00 of `date`, called after `waitMinutes`, served `handleMinutes` later (null: not yet). */
export async function insertTicket(where: Where, date: string, source: 'booking' | 'walk_in', waitMinutes: number | null, handleMinutes: number | null) {
  const issuedAt = at(date, '09:00');
  const calledAt = waitMinutes === null ? null : plus(issuedAt, waitMinutes);
  const servedAt = calledAt && handleMinutes !== null ? plus(calledAt, handleMinutes) : null;
  await QueueTicketModel.collection.insertOne({
    hallCode: 'HALL1',
    windowGroup: where.window,
    date,
    ticketNo: `A${suffix()}`,
    source,
    appointmentId: null,
    itemCode: where.itemCode,
    windows: [where.window],
    department: where.department,
    queueKey: `x|${suffix()}`,
    status: servedAt ? 'served' : calledAt ? 'called' : 'waiting',
    issuedAt,
    calledAt,
    calledWindow: calledAt ? where.window : null,
    servedAt,
    createdAt: issuedAt,
    updatedAt: issuedAt,
  });
}

export async function insertCase(where: Where, accepted: string, completed?: { date: string; onTime: boolean; visits: number }) {
  const _id = new Types.ObjectId();
  await ApplicationModel.collection.insertOne({
    _id,
    citizenId: null,
    itemCode: where.itemCode,
    department: where.department,
    status: completed ? 'completed' : 'accepted',
    materials: [],
    supplement: [],
    history: [],
    acceptedAt: at(accepted, '10:00'),
    acceptedDate: accepted,
    deadline: accepted,
    completedAt: completed ? at(completed.date, '15:00') : null,
    completedDate: completed?.date ?? null,
    onTime: completed?.onTime ?? null,
    onsiteVisits: completed?.visits ?? null,
    createdAt: at(accepted, '10:00'),
    updatedAt: at(accepted, '10:00'),
  });
  return _id;
}

export async function insertRating(where: Where, applicationId: Types.ObjectId, date: string, score: number) {
  const _id = new Types.ObjectId();
  await EvaluationModel.collection.insertOne({
    _id,
    applicationId,
    citizenId: new Types.ObjectId(),
    department: where.department,
    itemCode: where.itemCode,
    score,
    comment: '',
    createdAt: at(date, '16:00'),
  });
  return _id;
}

export async function insertRectification(where: Where, applicationId: Types.ObjectId, evaluationId: Types.ObjectId, deadline: string, closedOn: string) {
  await RectificationModel.collection.insertOne({
    applicationId,
    evaluationId,
    department: where.department,
    itemCode: where.itemCode,
    score: 1,
    comment: '',
    status: 'closed',
    openedAt: at(deadline, '08:00'),
    deadline,
    reply: '已整改',
    closedAt: at(closedOn, '11:00'),
    closedBy: 'staff',
    createdAt: at(deadline, '08:00'),
    updatedAt: at(closedOn, '11:00'),
  });
}
