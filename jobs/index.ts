// Every scheduled job of OneTrip, one line each; those that read an in-memory cache get it here.
import { notificationSenderJob } from './notification-sender.ts';
import { paymentReconcileJob } from './payment-reconcile.ts';
import { slotGenerationJob } from './slot-generation.ts';
import { slotReconciliationJob } from './slot-reconciliation.ts';
import { noShowJob } from './no-shows.ts';
import { rectificationWarningJob } from './rectification-warning.ts';
import { screenSnapshotsJob } from './screen-snapshots.ts';
import { publishProgressJob } from './publish-progress.ts';
import { appointmentRemindersJob } from './appointment-reminders.ts';
import { deadlineWarningsJob } from './deadline-warnings.ts';
import { deferredMaterialsJob } from './deferred-materials.ts';
import { retentionJob } from './retention.ts';
import type { Caches } from '../server/caches.ts';
import type { Job } from './types.ts';
import { calendarWarningsJob } from './calendar-warnings.ts';
import { hotlineSupervisionJob } from './hotline-supervision.ts';
import { hotlineFiguresJob } from './hotline-figures.ts';

export const createJobs = (caches: Caches): Job[] => [
  notificationSenderJob,
  rectificationWarningJob,
  paymentReconcileJob,
  slotGenerationJob,
  slotReconciliationJob,
  noShowJob,
  screenSnapshotsJob(caches.catalogue),
  publishProgressJob(caches),
  appointmentRemindersJob(caches.catalogue),
  deadlineWarningsJob(caches.catalogue),
  deferredMaterialsJob(caches.catalogue),
  retentionJob,
  calendarWarningsJob,
  hotlineSupervisionJob,
  hotlineFiguresJob,
];
