// Re-encrypts personal data under a new key. Run with the NEW key as PII_KEY and the OLD
// one as PII_KEY_PREVIOUS:  PII_KEY=… PII_KEY_PREVIOUS=… MONGODB_URI=… npx tsx scripts/rotate-pii-key.ts
import { config } from '../server/config.ts';
import { connectDatabase, disconnectDatabase } from '../server/db.ts';
import { rotatePiiKey } from '../services/pii/rotate.ts';

if (!config.MONGODB_URI) {
  console.error('MONGODB_URI is required');
  process.exit(2);
}
if (!config.PII_KEY_PREVIOUS) {
  console.error('PII_KEY_PREVIOUS (the old key) is required so existing data can be read');
  process.exit(2);
}
await connectDatabase(config.MONGODB_URI, config.MONGODB_DB);
console.log(JSON.stringify(await rotatePiiKey()));
await disconnectDatabase();
