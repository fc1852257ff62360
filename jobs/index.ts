// Every scheduled job of OneTrip, one line each.
import { claimCleanupJob } from './claim-cleanup.ts';
import { lockCleanupJob } from './lock-cleanup.ts';
import { notificationSenderJob } from './notification-sender.ts';
import { rectificationWarningJob } from './rectification-warning.ts';
import { screenSnapshotsJob } from './screen-snapshots.ts';
import { publishProgressJob } from './publish-progress.ts';
import { appointmentRemindersJob } from './appointment-reminders.ts';
import { deadlineWarningsJob } from './deadline-warnings.ts';
import { retentionJob } from './retention.ts';
import type { Job } from './types.ts';

export const jobs: Job[] = [
  lockCleanupJob,
  claimCleanupJob,
  notificationSenderJob,
  rectificationWarningJob,
  screenSnapshotsJob,
  publishProgressJob,
  appointmentRemindersJob,
  deadlineWarningsJob,
  retentionJob,
];
