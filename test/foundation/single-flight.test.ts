import test from 'ava';
import { singleFlight } from '../../server/single-flight.ts';

/** A load whose calls are counted and answered when the test says. */
function controlledLoad() {
  const calls: { key: string; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ key, answer: resolve, fail: reject });
    });
  return { calls, load };
}

test('singleFlight › calls under way with the same key share one load; other keys load on their own', async (t) => {
  const { calls, load } = controlledLoad();
  const read = singleFlight((key: string) => key, load);
  const answers = Promise.all([read('a'), read('a'), read('b'), read('a')]);
  t.deepEqual(
    calls.map((c) => c.key),
    ['a', 'b'],
  );
  calls[0]!.answer('A');
  calls[1]!.answer('B');
  t.deepEqual(await answers, ['A', 'A', 'B', 'A']);
});

test('singleFlight › nothing is kept once the load answers: the next call loads afresh', async (t) => {
  const { calls, load } = controlledLoad();
  const read = singleFlight((key: string) => key, load);
  const first = read('a');
  calls[0]!.answer('old');
  t.is(await first, 'old');
  const second = read('a');
  t.is(calls.length, 2);
  calls[1]!.answer('new');
  t.is(await second, 'new');
});

test('singleFlight › a failed load fails every caller sharing it, and is not kept', async (t) => {
  const { calls, load } = controlledLoad();
  const read = singleFlight((key: string) => key, load);
  const both = [read('a'), read('a')];
  calls[0]!.fail(new Error('database away'));
  for (const answer of both) await t.throwsAsync(answer, { message: 'database away' });
  const retry = read('a');
  t.is(calls.length, 2);
  calls[1]!.answer('back');
  t.is(await retry, 'back');
});
