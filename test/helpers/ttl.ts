// What the TTL monitor does on its next pass over the counters, done now: it deletes every counter
// past its expiry by the database's (real) clock. Tests call it instead of waiting up to a minute.
import { CounterModel } from '../../models/counter.ts';

export const ttlPassOverCounters = () => CounterModel.deleteMany({ expiresAt: { $lte: new Date() } });
