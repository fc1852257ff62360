// The public listing kept up to date from the ledger's change log (view.ts listingAfter, the
// progress cache's cases()) must be exactly the listing sorted again from scratch.
import test from 'ava';
import { Types } from 'mongoose';
import { createLedger, type LedgerRow, type PublishedVersion } from '../../services/publishing/ledger.ts';
import { inListingOrder, listingAfter } from '../../services/publishing/view.ts';

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ['2030-03-01', '2030-03-02', '2030-03-03', '2030-03-04', '2030-03-05', '2030-03-06'];

function versionOf(id: Types.ObjectId, stamp: number, pick: () => number): PublishedVersion {
  if (pick() < 0.15) return { _id: id, stamp, removed: true };
  const accepted = DAYS[Math.floor(pick() * 4)]!;
  const completed = pick() < 0.5 ? DAYS[Math.min(DAYS.length - 1, DAYS.indexOf(accepted) + 1 + Math.floor(pick() * 2))]! : null;
  return {
    _id: id,
    stamp,
    pubDate: completed ?? accepted,
    itemCode: 'SC-001',
    itemName: '食品经营许可',
    department: 'scjg',
    departmentName: '县市场监管局',
    applicant: '张*丰',
    status: completed ? 'completed' : 'accepted',
    acceptedDate: accepted,
    deadline: '2030-03-20',
    completedDate: completed,
    onTime: completed ? true : null,
    oneVisit: completed ? true : null,
    visits: completed ? 1 : null,
    deferredAccepted: false,
    reusedMaterials: 0,
    evaluationScore: null,
    evaluatedDate: null,
  };
}

const sortedFrom = (rows: Iterable<LedgerRow>, from: string) => [...rows].filter((row) => row.pubDate >= from).sort(inListingOrder);
const idsOf = (rows: readonly LedgerRow[]) => rows.map((row) => row.caseId);

for (const seed of [1, 2, 3]) {
  test(`listingAfter › new, moved and removed cases, seed ${seed} › the same rows in the same order as a fresh sort`, (t) => {
    const pick = random(seed);
    const ledger = createLedger();
    const ids = Array.from({ length: 300 }, () => new Types.ObjectId());
    let stamp = 0;
    const applySome = (count: number) => {
      for (let n = 0; n < count; n++) ledger.apply(versionOf(ids[Math.floor(pick() * ids.length)]!, ++stamp, pick));
    };
    applySome(400);
    const from = DAYS[1]!;
    let listing = sortedFrom(ledger.rows(), from);
    for (let round = 0; round < 5; round++) {
      const generation = ledger.generation();
      applySome(60);
      const changes = ledger.changesSince(generation);
      t.is(changes?.length, ledger.generation() - generation);
      listing = listingAfter(listing, changes!, from);
      t.deepEqual(idsOf(listing), idsOf(sortedFrom(ledger.rows(), from)), `round ${round}`);
      t.true(
        listing.every((row) => ledger.row(row.caseId) === row),
        'every listed row is the ledger’s current one',
      );
    }
  });
}

test('listingAfter › the listing it was given › is left as it was', (t) => {
  const pick = random(7);
  const ledger = createLedger();
  const ids = Array.from({ length: 50 }, () => new Types.ObjectId());
  ids.forEach((id, n) => ledger.apply(versionOf(id, n + 1, pick)));
  const before = sortedFrom(ledger.rows(), DAYS[0]!);
  const kept = [...before];
  const generation = ledger.generation();
  ledger.apply({ _id: ids[0]!, stamp: 1000, removed: true });
  listingAfter(before, ledger.changesSince(generation)!, DAYS[0]!);
  t.deepEqual(before, kept);
});

test('changesSince › more changes than the ledger keeps, or a generation it never had › null (the reader sorts again)', (t) => {
  const ledger = createLedger();
  const pick = random(11);
  const id = new Types.ObjectId();
  ledger.apply(versionOf(id, 1, () => 0.5));
  const early = ledger.generation();
  t.deepEqual(ledger.changesSince(early), []);
  t.is(ledger.changesSince(early + 1), null);
  for (let stamp = 2; stamp < 5_010; stamp++) ledger.apply(versionOf(id, stamp, pick));
  t.is(ledger.changesSince(early), null);
  t.is(ledger.changesSince(ledger.generation() - 3)?.length, 3);
});
