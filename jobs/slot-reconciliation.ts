// Recomputes each future slot's seat count from its active appointments and repairs drift.
import { reconcileSlots } from '../services/booking/reconcile.ts';
import type { Job } from './types.ts';

export const slotReconciliationJob: Job = {
  name: 'slot-reconciliation',
  schedule: '*/5 * * * *',
  run: (now) => reconcileSlots(now),
};
