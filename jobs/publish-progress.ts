// Publishes 办件公示 (rows, figures, files under PUBLISH_DIR) every minute, incrementally, and
// recomputes the service figures of the last days (services/figures/).
import type { Caches } from '../server/caches.ts';
import { config } from '../server/config.ts';
import { refreshFigures } from '../services/figures/store.ts';
import { publishProgress } from '../services/publishing/publish.ts';
import type { Job } from './types.ts';

export const publishProgressJob = ({ catalogue, progress }: Caches): Job => ({
  name: 'publish-progress',
  schedule: '30 * * * * *',
  run: async (now) => ({
    ...(await publishProgress(now, catalogue.current(), progress.ledger)),
    figureDocs: (await refreshFigures(now, config.TZ_NAME)).documents,
  }),
});
