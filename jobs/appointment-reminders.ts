// The day before an appointment, queues a reminder in the notifications outbox (the sender
// job delivers it). Runs hourly so bookings made today for tomorrow are reminded too; an
// appointment is reminded once.
import mongoose from 'mongoose';
import { AppointmentModel } from '../models/appointment.ts';
import { config } from '../server/config.ts';
import { getCatalogue } from '../services/catalogue/store.ts';
import { addDays, localDate } from '../services/queue/clock.ts';
import type { Job } from './types.ts';

export const appointmentRemindersJob: Job = {
  name: 'appointment-reminders',
  schedule: '5 8-20 * * *',
  async run(now) {
    const tomorrow = addDays(localDate(now, config.TZ_NAME), 1);
    const outbox = mongoose.connection.collection('notifications');
    const catalogue = await getCatalogue();
    let queued = 0;
    let seen = 0;
    for await (const appointment of AppointmentModel.find({ date: tomorrow, status: 'booked' }).lean().cursor({ batchSize: 500 })) {
      seen++;
      const entityId = String(appointment._id);
      // Only one instance runs a tick (lease), so check-then-insert cannot double up.
      if (await outbox.findOne({ entity: 'appointment', entityId, kind: 'appointment_reminder' }, { projection: { _id: 1 } })) continue;
      const guide = catalogue.byCode.get(appointment.itemCode);
      const place = guide?.windows.map((w) => w.location || w.name).find(Boolean) ?? '';
      await outbox.insertOne({
        citizenId: appointment.citizenId,
        entity: 'appointment',
        entityId,
        kind: 'appointment_reminder',
        templateId: '',
        page: `pages/appointments/detail?id=${entityId}`,
        data: {
          itemName: { value: guide?.name ?? appointment.itemCode },
          time: { value: `${appointment.date} ${appointment.start}-${appointment.end}` },
          place: { value: place },
          checkInCode: { value: appointment.checkInCode },
        },
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        sentAt: null,
        createdAt: now,
        updatedAt: now,
      });
      queued++;
    }
    return { appointments: seen, queued };
  },
};
