// Keeps slots generated for the rolling horizon (SLOT_HORIZON_WORKING_DAYS). Hourly, so a new
// day appears shortly after midnight, well before it opens at SLOT_RELEASE_TIME.
import { generateSlots } from '../services/booking/slot-generation.ts';
import type { Job } from './types.ts';

export const slotGenerationJob: Job = {
  name: 'slot-generation',
  schedule: '5 * * * *',
  run: (now) => generateSlots(now),
};
