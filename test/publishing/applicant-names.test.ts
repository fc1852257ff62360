// An applicant's name is stored sealed whoever brought the case, and read by one function
// (services/pii/applicant.ts): the staff view, the 办件公示 board and key rotation agree. Walk-in
// company names that earlier versions stored in clear still show, and rotation seals them.
import { randomBytes } from 'node:crypto';
import test from 'ava';
import { publishProgressJob } from '../../jobs/publish-progress.ts';
import { ApplicationModel } from '../../models/application.ts';
import { config } from '../../server/config.ts';
import { isSealed } from '../../services/pii/crypto.ts';
import { rotatePiiKey } from '../../services/pii/rotate.ts';
import { buildScene } from '../applications/fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';

let app: TestApp;
let scene: Awaited<ReturnType<typeof buildScene>>;
const COMPANY = '某某县云帆商贸有限公司';
const PERSON = '欧阳修远';

test.before(async () => {
  app = await startTestApp({ clock: fileClock });
  scene = await buildScene();
});
test.after.always(() => app.close());

const walkIn = (applicantName: string, applicantIsCompany: boolean) =>
  app.request('POST', '/api/v1/staff/cases', { token: scene.clerk.token, body: { itemCode: scene.item.code, applicantName, applicantIsCompany } });

/** The board's applicant of each case, after a publishing tick. */
async function boardApplicants(): Promise<Map<string, string>> {
  await publishProgressJob(app.caches).run(fileClock());
  await app.caches.progress.refresh();
  const res = await app.request('GET', '/api/v1/public/progress?pageSize=100');
  return new Map(res.body.items.map((c: { id: string; applicant: string }) => [c.id, c.applicant]));
}

test.serial('walk-in cases › a company and a person › both stored sealed; staff and the board show the company in full and the person masked', async (t) => {
  const company = await walkIn(COMPANY, true);
  const person = await walkIn(PERSON, false);
  t.is(company.status, 201);
  t.is(person.status, 201);
  t.like(company.body, { applicantName: COMPANY, applicantIsCompany: true });
  t.like(person.body, { applicantName: '欧**远', applicantIsCompany: false });
  for (const id of [company.body.id, person.body.id]) {
    const stored = await ApplicationModel.findById(id).lean();
    t.true(isSealed(stored!.applicantNameEnc!), 'sealed at rest');
  }
  const board = await boardApplicants();
  t.is(board.get(company.body.id), COMPANY);
  t.is(board.get(person.body.id), '欧**远');
});

test.serial('walk-in cases of earlier versions › a company name in clear › shows everywhere, and key rotation seals it', async (t) => {
  const created = await walkIn('旧版本', true);
  // As the app writes, at its now (the publisher reads what changed since its last tick).
  await ApplicationModel.updateOne({ _id: created.body.id }, { $set: { applicantNameEnc: COMPANY, updatedAt: fileClock() } }, { timestamps: false });
  const board = await boardApplicants();
  t.is(board.get(created.body.id), COMPANY, 'the board');
  const staffView = await app.request('GET', `/api/v1/staff/applications/${created.body.id}`, { token: scene.clerk.token });
  t.is(staffView.body.applicantName, COMPANY, 'the staff view');

  const oldKey = config.PII_KEY;
  Object.assign(config, { PII_KEY: randomBytes(32).toString('base64'), PII_KEY_PREVIOUS: oldKey });
  try {
    t.true((await rotatePiiKey()).applications >= 1);
  } finally {
    Object.assign(config, { PII_KEY_PREVIOUS: '' });
  }
  const sealed = (await ApplicationModel.findById(created.body.id).lean())!.applicantNameEnc!;
  t.true(isSealed(sealed), 'rotation sealed it');
  const again = await app.request('GET', `/api/v1/staff/applications/${created.body.id}`, { token: scene.clerk.token });
  t.is(again.body.applicantName, COMPANY, 'and it reads back under the new key');
});
