// Delivers queued citizen notifications (WeChat subscribe messages) every minute.
import { sendDueNotifications } from '../services/notifications/sender.ts';
import type { Job } from './types.ts';

export const notificationSenderJob: Job = {
  name: 'notification-sender',
  schedule: '*/1 * * * *',
  run: (now) => sendDueNotifications(now),
};
