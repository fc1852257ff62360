import test from 'ava';
import { sharedReads } from '../../server/shared-reads.ts';

/** A load whose calls are counted and answered when the test says. */
function controlledLoad() {
  const calls: { key: string; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ key, answer: resolve, fail: reject });
    });
  return { calls, load };
}

/** A monotonic clock the test moves. */
function manualClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => void (ms += by) };
}

test('sharedReads › reads under way with the same key share one load; other keys load on their own', async (t) => {
  const { calls, load } = controlledLoad();
  const { read } = sharedReads({ keyOf: (key: string) => key, load, freshMs: 0 });
  const answers = Promise.all([read('a'), read('a'), read('b'), read('a')]);
  t.deepEqual(
    calls.map((c) => c.key),
    ['a', 'b'],
  );
  calls[0]!.answer('A');
  calls[1]!.answer('B');
  t.deepEqual(await answers, ['A', 'A', 'B', 'A']);
});

test('sharedReads › with freshMs 0 nothing is kept once the load answers: the next read loads afresh', async (t) => {
  const { calls, load } = controlledLoad();
  const { read } = sharedReads({ keyOf: (key: string) => key, load, freshMs: 0 });
  const first = read('a');
  calls[0]!.answer('old');
  t.is(await first, 'old');
  const second = read('a');
  t.is(calls.length, 2);
  calls[1]!.answer('new');
  t.is(await second, 'new');
});

test('sharedReads › a failed load fails every reader sharing it, and is not kept', async (t) => {
  const { calls, load } = controlledLoad();
  const { read } = sharedReads({ keyOf: (key: string) => key, load, freshMs: 1000 });
  const both = [read('a'), read('a')];
  calls[0]!.fail(new Error('database away'));
  for (const answer of both) await t.throwsAsync(answer, { message: 'database away' });
  const retry = read('a');
  t.is(calls.length, 2);
  calls[1]!.answer('back');
  t.is(await retry, 'back');
});

test('sharedReads › an answer is served for freshMs, then served while one read replaces it, and never past 2 × freshMs', async (t) => {
  const clock = manualClock();
  const { calls, load } = controlledLoad();
  const { read } = sharedReads({ keyOf: (key: string) => key, load, freshMs: 1000, clock: clock.now });
  const first = read('a');
  calls[0]!.answer('v1');
  t.is(await first, 'v1');
  clock.advance(999);
  t.is(await read('a'), 'v1', 'still fresh: no load');
  t.is(calls.length, 1);
  clock.advance(1);
  t.is(await read('a'), 'v1', 'stale: served at once while it is replaced');
  t.is(await read('a'), 'v1');
  t.is(calls.length, 2, 'one replacing read, however many readers');
  calls[1]!.answer('v2');
  await Promise.resolve();
  t.is(await read('a'), 'v2');
  clock.advance(2000);
  const late = read('a');
  t.is(calls.length, 3, 'older than 2 × freshMs: the reader waits for the database');
  calls[2]!.answer('v3');
  t.is(await late, 'v3');
});

test('sharedReads › keeps at most maxEntries answers, dropping the oldest', async (t) => {
  let loads = 0;
  const { read } = sharedReads({
    keyOf: (key: string) => key,
    load: async (key: string) => `${key}${(loads += 1)}`,
    freshMs: 1000,
    maxEntries: 2,
    clock: () => 0,
  });
  t.is(await read('a'), 'a1');
  t.is(await read('b'), 'b2');
  t.is(await read('c'), 'c3');
  t.is(await read('b'), 'b2', 'kept');
  t.is(await read('a'), 'a4', 'dropped as the oldest, read again');
});

test('sharedReads › clear forgets every kept answer', async (t) => {
  let loads = 0;
  const reads = sharedReads({ keyOf: (key: string) => key, load: async () => (loads += 1), freshMs: 1000, clock: () => 0 });
  t.is(await reads.read('a'), 1);
  t.is(await reads.read('a'), 1);
  reads.clear();
  t.is(await reads.read('a'), 2);
});
