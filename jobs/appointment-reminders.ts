// The day before an appointment, queues a reminder in the notifications outbox (the sender
// job delivers it). Runs hourly so bookings made today for tomorrow are reminded too; an
// appointment is reminded once (the outbox's unique dedupeKey decides).
import { AppointmentModel } from '../models/appointment.ts';
import { config } from '../server/config.ts';
import type { CatalogueCache } from '../services/catalogue/store.ts';
import { clip, queueNotice } from '../services/notifications/outbox.ts';
import { addDays, zonedDate } from '../services/calendar/zoned-time.ts';
import type { Job } from './types.ts';

export const appointmentRemindersJob = (catalogueCache: CatalogueCache): Job => ({
  name: 'appointment-reminders',
  schedule: '5 8-20 * * *',
  async run(now) {
    const tomorrow = addDays(zonedDate(now, config.TZ_NAME), 1);
    const catalogue = catalogueCache.current();
    let queued = 0;
    let seen = 0;
    for await (const appointment of AppointmentModel.find({ date: tomorrow, status: 'booked' }).lean().cursor({ batchSize: 500 })) {
      seen++;
      const entityId = String(appointment._id);
      const guide = catalogue.byCode.get(appointment.itemCode);
      const place = guide?.windows.map((w) => w.location || w.name).find(Boolean) ?? '';
      const queuedNow = await queueNotice(
        {
          citizenId: appointment.citizenId,
          entity: 'appointment',
          entityId,
          kind: 'appointment_reminder',
          page: `pages/appointments/detail?id=${entityId}`,
          data: {
            thing1: { value: clip(guide?.name ?? appointment.itemCode) },
            time2: { value: `${appointment.date} ${appointment.start}` },
            thing3: { value: clip(place || '政务服务中心') },
            character_string4: { value: appointment.checkInCode },
          },
          dedupeKey: `appointment_reminder:${entityId}`,
        },
        now,
      );
      if (queuedNow) queued++;
    }
    return { appointments: seen, queued };
  },
});
