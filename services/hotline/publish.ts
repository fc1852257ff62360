// The publishing step of the hotline figures: this month and the last, recomputed from the
// records into hotline_monthly, and written as one public file. Masked by construction: the
// figures carry department codes and counts only.
import path from 'node:path';
import { config } from '../../server/config.ts';
import { addDays, zonedDate } from '../calendar/zoned-time.ts';
import { writeJsonAtomic } from '../publishing/files.ts';
import { precomputeMonth, presentFigures } from './figures.ts';

export const monthOf = (now: Date) => zonedDate(now, config.TZ_NAME).slice(0, 7);
export const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

export async function publishHotlineFigures(now: Date): Promise<Record<string, number>> {
  const current = monthOf(now);
  const months = [previousMonth(current), current];
  const published: Record<string, ReturnType<typeof presentFigures>[]> = {};
  let rows = 0;
  for (const month of months) {
    const figures = await precomputeMonth(month, now);
    published[month] = figures.map(presentFigures);
    rows += figures.length;
  }
  await writeJsonAtomic(path.join(config.PUBLISH_DIR, 'hotline', 'figures.json'), { generatedAt: now.toISOString(), months: published });
  return { months: months.length, rows };
}
