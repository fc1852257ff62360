// Recounts the seat counters of future slots and the citizens' active-booking counters from the
// active appointments, repairing what a crash between two booking steps left one too high.
import { reconcileCounters } from '../services/booking/reconcile.ts';
import type { Job } from './types.ts';

export const slotReconciliationJob: Job = {
  name: 'slot-reconciliation',
  schedule: '*/5 * * * *',
  run: (now) => reconcileCounters(now),
};
