// The shape of a scheduled job. `run` does one bounded batch, is safe to run twice, takes
// its time from the argument (tests pass a fixed date) and returns what it counted.
export interface Job {
  name: string;
  /** node-cron expression (seconds optional), evaluated in TZ_NAME. */
  schedule: string;
  run(now: Date): Promise<Record<string, number>>;
  /** How long a run may hold the job before its lease expires (default 10 minutes). */
  leaseMs?: number;
  /** How long its run-log entries are kept (default 90 days). */
  keepRunsMs?: number;
}
