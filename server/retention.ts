// Until when a document kept for housekeeping (a day's ticket counter, a job's tick and lease, a
// sent notification) stays, for its TTL index. The TTL monitor deletes by the database's clock,
// not by OneTrip's injectable one: an expiry counted from a clock set behind the database's (a
// test's fixed date, a replayed day, an app host whose clock lags) can already be past when it is
// written, and then the monitor's next pass deletes, say, a day's ticket counter in the middle of
// the day and its numbers start again at 001. So a retention counts from the later of the two
// clocks. What OneTrip decides still follows the injected clock alone; this only bounds when the
// database may forget.
export const retainUntil = (now: Date, keepMs: number): Date => new Date(Math.max(now.getTime(), Date.now()) + keepMs);
