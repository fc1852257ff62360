// Open311 GeoReport v2 exactly as the specification's examples post and read: a form-encoded
// POST with an api_key, then GET requests/{id}.json, requests.json with filters, tokens and
// services; refusals as GeoReport's error array; 举报 never listed.
import test from 'ava';
import { HotlineRequestModel } from '../../models/hotline-request.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildHotlineScene, START, submit, type HotlineScene } from './fixtures.ts';

let app: TestApp;
let scene: HotlineScene;
let apiKey: string;
test.before(async () => {
  app = await startTestApp({ clock: () => START });
  scene = await buildHotlineScene(app);
  const issued = await app.request('POST', '/api/v1/admin/hotline/partners', { token: scene.center.token, body: { name: '市民随手拍平台' } });
  apiKey = issued.body.apiKey;
});
test.after.always(() => app.close());

const form = (fields: Record<string, string>) => ({
  rawBody: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});
const example = () => ({
  api_key: apiKey,
  service_code: scene.category,
  lat: '37.76524078',
  long: '-122.4212043',
  address_string: '1234 5th street',
  email: 'smit222@sfgov.edu',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: 'john',
  last_name: 'smith',
  phone: '111111111',
  description: 'A large sinkhole is destroying the street',
  media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
});

test('services.json › one service per category, with the specification’s fields', async (t) => {
  const services = await app.request('GET', '/open311/v2/services.json');
  t.is(services.status, 200);
  const service = services.body.find((s: { service_code: string }) => s.service_code === scene.category);
  t.deepEqual(Object.keys(service).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
  t.is(service.type, 'realtime');
  t.is(service.group, '城乡建设');
  const definition = await app.request('GET', `/open311/v2/services/${scene.category}.json`);
  t.deepEqual(definition.body, { service_code: scene.category, attributes: [] });
  const unknown = await app.request('GET', '/open311/v2/services/NOPE.json');
  t.is(unknown.status, 404);
  t.is(unknown.body[0].code, 404);
});

test('POST requests.json › the specification’s example, form-encoded › [{service_request_id, service_notice, account_id}], then read back', async (t) => {
  const posted = await app.request('POST', '/open311/v2/requests.json', form(example()));
  t.is(posted.status, 200, posted.text);
  t.is(posted.body.length, 1);
  t.deepEqual(Object.keys(posted.body[0]).sort(), ['account_id', 'service_notice', 'service_request_id']);
  t.is(posted.body[0].account_id, '123456');
  const id = posted.body[0].service_request_id as string;
  t.regex(id, /^12345-20250610-\d{6}$/);

  const one = await app.request('GET', `/open311/v2/requests/${id}.json`);
  t.is(one.status, 200);
  const request = one.body[0];
  t.deepEqual(
    Object.keys(request).sort(),
    [
      'address',
      'address_id',
      'agency_responsible',
      'description',
      'expected_datetime',
      'lat',
      'long',
      'media_url',
      'requested_datetime',
      'service_code',
      'service_name',
      'service_notice',
      'status',
      'status_notes',
      'updated_datetime',
      'zipcode',
    ]
      .concat('service_request_id')
      .sort(),
  );
  t.is(request.status, 'open');
  t.is(request.description, 'A large sinkhole is destroying the street');
  t.is(request.lat, 37.76524078);
  t.is(request.address, '1234 5th street');
  t.is(request.service_name, '物业管理');

  const stored = await HotlineRequestModel.findOne({ number: id }).lean();
  t.false(JSON.stringify(stored).includes('111111111'), 'the reporter’s phone is stored encrypted');
  const token = await app.request('GET', `/open311/v2/tokens/${stored!.token}.json`);
  t.deepEqual(token.body, [{ service_request_id: id, token: stored!.token }]);

  const filtered = await app.request(
    'GET',
    `/open311/v2/requests.json?service_code=${scene.category}&status=open&start_date=2025-06-01T00:00:00Z&end_date=2025-06-30T00:00:00Z`,
  );
  t.true(filtered.body.some((r: { service_request_id: string }) => r.service_request_id === id));
  const closedOnly = await app.request('GET', `/open311/v2/requests.json?service_code=${scene.category}&status=closed`);
  t.false(closedOnly.body.some((r: { service_request_id: string }) => r.service_request_id === id));
  const byId = await app.request('GET', `/open311/v2/requests.json?service_request_id=${id}`);
  t.is(byId.body.length, 1);
});

test('POST requests.json › refusals are GeoReport error arrays: bad api_key 403, no location 400, unknown service 404', async (t) => {
  const badKey = await app.request('POST', '/open311/v2/requests.json', form({ ...example(), api_key: 'wrong' }));
  t.is(badKey.status, 403);
  t.deepEqual(Object.keys(badKey.body[0]).sort(), ['code', 'description']);
  t.is(badKey.body[0].code, 403);
  const { lat: _lat, long: _long, address_string: _address, ...withoutLocation } = example();
  const noLocation = await app.request('POST', '/open311/v2/requests.json', form(withoutLocation));
  t.is(noLocation.status, 400);
  t.is(noLocation.body[0].code, 400);
  const unknown = await app.request('POST', '/open311/v2/requests.json', form({ ...example(), service_code: 'NOPE' }));
  t.is(unknown.status, 404);
  t.is(unknown.body[0].code, 404);
});

test('GET requests.json › 举报 are never listed, and phone numbers in the text are masked', async (t) => {
  const report = await submit(app, scene, { type: '举报', text: '某餐馆使用过期食材，老板电话13800138000' });
  const complaint = await submit(app, scene, { text: '噪音扰民，联系电话13800138000' });
  const all = await app.request('GET', `/open311/v2/requests.json?service_code=${scene.category}`);
  const ids = all.body.map((r: { service_request_id: string }) => r.service_request_id);
  t.false(ids.includes(report.body.number));
  t.true(ids.includes(complaint.body.number));
  t.false(all.text.includes('13800138000'));
  t.is((await app.request('GET', `/open311/v2/requests/${report.body.number}.json`)).status, 404);
});
