// Publishes 办件公示 (rows, figures, files under PUBLISH_DIR) every minute, incrementally.
import type { Caches } from '../server/caches.ts';
import { publishProgress } from '../services/publishing/publish.ts';
import type { Job } from './types.ts';

export const publishProgressJob = ({ catalogue, progress }: Caches): Job => ({
  name: 'publish-progress',
  schedule: '30 * * * * *',
  run: (now) => publishProgress(now, catalogue.current(), progress.ledger),
});
