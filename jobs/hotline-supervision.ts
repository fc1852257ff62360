// 督办 notices before and after hotline deadlines, and 办结 of replies whose rating window passed.
import { closeUnrated } from '../services/hotline/rating.ts';
import { superviseDeadlines } from '../services/hotline/supervision.ts';
import type { Job } from './types.ts';

export const hotlineSupervisionJob: Job = {
  name: 'hotline-supervision',
  schedule: '*/5 * * * *',
  async run(now) {
    const { checked, notices } = await superviseDeadlines(now);
    return { checked, notices, closed: await closeUnrated(now) };
  },
};
