// Every route of the API, called as every kind of caller, against an explicit table of what
// each may do. A route missing from the table fails the test: a new route needs a rule.
import test from 'ava';
import { routeTable } from '../../server/route.ts';
import type { TestApp } from '../helpers/app.ts';
import { startPaymentsApp, type PaymentsTestbed } from '../helpers/payments.ts';
import { buildAccessFixture, ROLES, type AccessFixture, type Role } from '../helpers/access-fixture.ts';

/** ok: allowed (any answer but 401/403, and never 5xx) · deny: 403 or 404 (record outside the caller's scope) · a number: exactly that status. */
type Outcome = 'ok' | 'deny' | number;
type Rule = Record<Role, Outcome>;

const PUBLIC: Rule = { anonymous: 'ok', citizenA: 'ok', citizenB: 'ok', windowX: 'ok', deptAdminX: 'ok', deptAdminY: 'ok', centerAdmin: 'ok', screen: 'ok' };
const CITIZEN: Rule = { anonymous: 401, citizenA: 'ok', citizenB: 'ok', windowX: 403, deptAdminX: 403, deptAdminY: 403, centerAdmin: 403, screen: 401 };
/** A's own record: B must not learn it exists. */
const OWNED: Rule = { ...CITIZEN, citizenB: 404 };
const STAFF: Rule = { anonymous: 401, citizenA: 403, citizenB: 403, windowX: 'ok', deptAdminX: 'ok', deptAdminY: 'ok', centerAdmin: 'ok', screen: 401 };
/** A record of department X. */
const STAFF_X: Rule = { ...STAFF, deptAdminY: 'deny' };
const ADMIN: Rule = { ...STAFF, windowX: 403 };
const ADMIN_X: Rule = { ...ADMIN, deptAdminY: 'deny' };
const CENTER: Rule = { ...ADMIN, deptAdminX: 403, deptAdminY: 403 };
/** Lobby screens only: a bearer token is not a screen token. */
const SCREEN: Rule = { anonymous: 401, citizenA: 401, citizenB: 401, windowX: 401, deptAdminX: 401, deptAdminY: 401, centerAdmin: 401, screen: 'ok' };

/** A valid body for routes whose scope check comes after validation, so the check is what answers. */
const material = () => {
  const form = new FormData();
  form.set('materialName', '居民身份证');
  form.set('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')], { type: 'application/pdf' }), 'id.pdf');
  return form;
};
/** A 1×1 PNG: a photo of a hotline request. */
const photo = () => {
  const form = new FormData();
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  form.set('file', new Blob([Buffer.from(png, 'base64')], { type: 'image/png' }), 'photo.png');
  return form;
};
const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/hotline/requests/:id/photos': photo,
  'POST /api/v1/hotline/requests/:id/rating': () => ({ rating: '满意' }),
  'POST /api/v1/applications/:id/materials': material,
  'POST /api/v1/applications/:id/evaluation': () => ({ score: 5, comment: '很好' }),
  'POST /api/v1/staff/applications/:id/review': () => ({ decision: 'approve', note: '材料齐全' }),
  'POST /api/v1/staff/applications/:id/complete': () => ({ onsiteVisits: 1 }),
  'POST /api/v1/staff/applications/:id/deferred/:materialName/waive': () => ({ reason: '已通过数据共享核验' }),
  'POST /api/v1/admin/rectifications/:id/close': () => ({ reply: '已整改完毕，感谢监督' }),
  'POST /api/v1/admin/payments/:id/refund': () => ({ reason: '重复缴费' }),
  'POST /api/v1/staff/tickets/:id/transfer': () => ({ windowGroup: 'NOPE' }),
  'POST /api/v1/staff/applications/:id/window-payment': () => ({ method: 'pos', receiptNo: 'POS-0001', amountFen: 2000 }),
  'POST /api/v1/staff/applications/:id/fee-waiver': () => ({ reason: '低保对象', legalBasis: '当地减免规定' }),
  'POST /api/v1/applications/:id/materials/reuse': () => ({ materialName: '居民身份证', libraryId: '000000000000000000000000' }),
  'PUT /api/v1/admin/material-types/:code': () => ({ name: '测试材料类型', materialNames: [] }),
  'PUT /api/v1/admin/bundles/:code': () => ({ name: '测试一件事', items: ['NOPE-1', 'NOPE-2'] }),
  'POST /api/v1/appointments/:id/reschedule': () => ({ slotId: '000000000000000000000000' }),
  'PATCH /api/v1/admin/schedules/:id': () => ({ seatsPerSlot: 3 }),
  'POST /api/v1/admin/staff/:id/reset-password': () => ({ password: 'Reset-2026-temp' }),
  'POST /api/v1/admin/webhooks': () => ({ url: 'http://127.0.0.1:9/hooks', events: ['evaluation.created'] }),
  'PATCH /api/v1/admin/webhooks/:id': () => ({ active: false }),
  'POST /api/v1/staff/hotline/requests/:id/return': () => ({ reason: '不属于本部门职责' }),
  'POST /api/v1/staff/hotline/requests/:id/extension': () => ({ reason: '需协调其他部门', days: 2 }),
  'POST /api/v1/staff/hotline/requests/:id/reply': () => ({ outcome: '已解决', text: '已经处理完毕，感谢监督' }),
  'POST /api/v1/staff/hotline/requests/:id/notes': () => ({ text: '内部备注' }),
};

const RULES: Record<string, Rule> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /api/v1/departments': PUBLIC,
  'GET /api/v1/items': PUBLIC,
  'GET /api/v1/items/:code': PUBLIC,
  'POST /api/v1/auth/staff/login': PUBLIC,
  'POST /api/v1/auth/wechat': PUBLIC,
  'POST /api/v1/auth/refresh': PUBLIC,
  'POST /api/v1/auth/staff/password': PUBLIC,
  'GET /api/v1/admin/staff': ADMIN,
  'POST /api/v1/admin/staff': ADMIN,
  'GET /api/v1/admin/staff/:id': ADMIN_X,
  'PATCH /api/v1/admin/staff/:id': ADMIN_X,
  'POST /api/v1/admin/staff/:id/reset-password': ADMIN_X,
  'POST /api/v1/admin/staff/:id/disable': ADMIN_X,
  'POST /api/v1/admin/staff/:id/enable': ADMIN_X,
  'POST /api/v1/admin/staff/:id/unlock': ADMIN_X,
  // Anyone may call it; without WeChat Pay's signature everyone gets 401 FAIL.
  'POST /api/v1/wechat/pay/notify': {
    anonymous: 401,
    citizenA: 401,
    citizenB: 401,
    windowX: 401,
    deptAdminX: 401,
    deptAdminY: 401,
    centerAdmin: 401,
    screen: 401,
  },

  'GET /api/v1/admin/departments': ADMIN,
  'POST /api/v1/admin/departments': CENTER,
  'GET /api/v1/admin/departments/:code': ADMIN_X,
  'PATCH /api/v1/admin/departments/:code': CENTER,
  'GET /api/v1/admin/windows': ADMIN,
  'POST /api/v1/admin/windows': ADMIN,
  'GET /api/v1/admin/windows/:code': ADMIN_X,
  'PATCH /api/v1/admin/windows/:code': ADMIN_X,
  'GET /api/v1/admin/items': ADMIN,
  'POST /api/v1/admin/items': ADMIN,
  'GET /api/v1/admin/items/:code': ADMIN_X,
  'PATCH /api/v1/admin/items/:code': ADMIN_X,
  'POST /api/v1/admin/items/:code/unpublish': ADMIN_X,
  'GET /api/v1/admin/audit-logs': CENTER,
  'GET /api/v1/admin/citizens/:id': CENTER,
  'GET /api/v1/admin/rectifications': ADMIN,
  'POST /api/v1/admin/rectifications/:id/close': ADMIN_X,
  'POST /api/v1/admin/payments/:id/refund': CENTER,

  'GET /api/v1/me': CITIZEN,
  'PUT /api/v1/me/profile': CITIZEN,
  'POST /api/v1/me/phone': CITIZEN,
  'GET /api/v1/me/applications': CITIZEN,
  'POST /api/v1/applications': CITIZEN,
  'GET /api/v1/applications/:id': { ...OWNED, citizenA: 200 },
  'POST /api/v1/applications/:id/materials': OWNED,
  'POST /api/v1/applications/:id/submit': OWNED,
  'GET /api/v1/applications/:id/materials/:materialName/file': OWNED,
  'POST /api/v1/applications/:id/evaluation': OWNED,
  'POST /api/v1/applications/:id/payments': OWNED,
  // Payments here are the fake merchant's, not the sandbox's: the route answers 404 to every citizen.
  'POST /api/v1/applications/:id/payments/sandbox-confirm': OWNED,
  'GET /api/v1/applications/:id/payments': { ...OWNED, citizenA: 200 },

  'GET /api/v1/staff/applications': STAFF,
  'GET /api/v1/staff/applications/:id': { ...STAFF_X, windowX: 200, deptAdminX: 200, centerAdmin: 200 },
  'POST /api/v1/staff/applications/:id/review': STAFF_X,
  'POST /api/v1/staff/applications/:id/accept': STAFF_X,
  'POST /api/v1/staff/applications/:id/complete': STAFF_X,
  'POST /api/v1/staff/applications/:id/window-payment': STAFF_X,
  'POST /api/v1/staff/applications/:id/fee-waiver': STAFF_X,
  'POST /api/v1/staff/applications/:id/deferred/:materialName/waive': STAFF_X,
  'POST /api/v1/staff/cases': STAFF,
  'GET /api/v1/staff/applications/:id/materials/:materialName/file': STAFF_X,
  'GET /api/v1/staff/evaluations': STAFF,

  'GET /api/v1/items/:code/slots': PUBLIC,
  'POST /api/v1/appointments': CITIZEN,
  'GET /api/v1/me/appointments': CITIZEN,
  'POST /api/v1/appointments/:id/cancel': OWNED,
  'POST /api/v1/appointments/:id/reschedule': OWNED,
  'GET /api/v1/admin/holidays': ADMIN,
  'POST /api/v1/admin/holidays': CENTER,
  'PUT /api/v1/admin/holidays/:date': CENTER,
  'DELETE /api/v1/admin/holidays/:date': CENTER,
  'POST /api/v1/admin/holidays/years/:year/confirm': CENTER,
  'DELETE /api/v1/admin/holidays/years/:year': CENTER,
  'POST /api/v1/admin/holidays/years/:year/import': CENTER,
  'GET /api/v1/admin/schedules': ADMIN,
  'POST /api/v1/admin/schedules': ADMIN,
  'GET /api/v1/admin/schedules/:id': { ...ADMIN_X, deptAdminX: 200, centerAdmin: 200 },
  'PATCH /api/v1/admin/schedules/:id': ADMIN_X,
  'DELETE /api/v1/admin/schedules/:id': ADMIN_X,
  'GET /api/v1/staff/appointments': STAFF,
  'POST /api/v1/staff/appointments/:id/check-in': STAFF_X,
  'POST /api/v1/staff/check-in': STAFF,
  'POST /api/v1/staff/tickets': STAFF,
  'POST /api/v1/staff/windows/:code/call-next': STAFF_X,
  'POST /api/v1/staff/tickets/:id/serve': STAFF_X,
  'GET /api/v1/staff/windows/:code/queue': STAFF_X,
  'POST /api/v1/staff/tickets/:id/recall': STAFF_X,
  'POST /api/v1/staff/tickets/:id/skip': STAFF_X,
  'POST /api/v1/staff/tickets/:id/requeue': STAFF_X,
  'POST /api/v1/staff/tickets/:id/transfer': STAFF_X,
  'GET /api/v1/screens/:hallCode': SCREEN,
  'GET /api/v1/admin/screens': CENTER,
  'POST /api/v1/admin/screens': CENTER,
  'PATCH /api/v1/admin/screens/:code': CENTER,
  'POST /api/v1/admin/screens/:code/token': CENTER,
  'DELETE /api/v1/admin/screens/:code': CENTER,
  'GET /api/v1/admin/announcements': CENTER,
  'POST /api/v1/admin/announcements': CENTER,
  'PATCH /api/v1/admin/announcements/:id': CENTER,
  'DELETE /api/v1/admin/announcements/:id': CENTER,
  'GET /api/v1/admin/job-runs': ADMIN,
  'GET /api/v1/admin/dashboard': ADMIN,
  'GET /api/v1/public/progress': PUBLIC,
  'GET /api/v1/public/stats': PUBLIC,
  'GET /api/v1/admin/webhooks': CENTER,
  'POST /api/v1/admin/webhooks': CENTER,
  'PATCH /api/v1/admin/webhooks/:id': CENTER,
  'DELETE /api/v1/admin/webhooks/:id': CENTER,
  'POST /api/v1/admin/webhooks/:id/secret': CENTER,
  'GET /api/v1/admin/webhooks/:id/deliveries': CENTER,
  'GET /api/v1/me/materials': CITIZEN,
  // Library ids of citizen A in the fixture are unknown to everyone else.
  'DELETE /api/v1/me/materials/:id': { ...OWNED, citizenA: 204 },
  'GET /api/v1/applications/:id/reusable-materials': { ...OWNED, citizenA: 200 },
  'POST /api/v1/applications/:id/materials/reuse': OWNED,
  'GET /api/v1/admin/material-types': ADMIN,
  'GET /api/v1/bundles': PUBLIC,
  'GET /api/v1/bundles/:code': PUBLIC,
  'GET /api/v1/admin/bundles': ADMIN,
  'PUT /api/v1/admin/bundles/:code': CENTER,
  'PUT /api/v1/admin/material-types/:code': CENTER,

  'GET /api/v1/hotline/categories': PUBLIC,
  'POST /api/v1/hotline/requests': CITIZEN,
  'GET /api/v1/hotline/requests': CITIZEN,
  'GET /api/v1/hotline/requests/:id': { ...OWNED, citizenA: 200 },
  'POST /api/v1/hotline/requests/:id/photos': OWNED,
  'POST /api/v1/hotline/requests/:id/rating': OWNED,
  // The hotline center: operators (tested in test/hotline) and center admins.
  'POST /api/v1/staff/hotline/calls': CENTER,
  'GET /api/v1/staff/hotline/requests': STAFF,
  'GET /api/v1/staff/hotline/requests/:id': { ...STAFF_X, windowX: 200, deptAdminX: 200, centerAdmin: 200 },
  'GET /api/v1/staff/hotline/requests/:id/reporter': CENTER,
  'POST /api/v1/staff/hotline/requests/:id/dispatch': CENTER,
  // Only the lead department acts; the center sees the request but may not sign for it.
  'POST /api/v1/staff/hotline/requests/:id/sign': { ...STAFF_X, centerAdmin: 403 },
  'POST /api/v1/staff/hotline/requests/:id/return': { ...STAFF_X, centerAdmin: 403 },
  'POST /api/v1/staff/hotline/requests/:id/contact': { ...STAFF_X, centerAdmin: 403 },
  'POST /api/v1/staff/hotline/requests/:id/notes': STAFF_X,
  'POST /api/v1/staff/hotline/requests/:id/extension': { ...STAFF_X, centerAdmin: 403 },
  'POST /api/v1/staff/hotline/requests/:id/extension/decision': CENTER,
  'POST /api/v1/staff/hotline/requests/:id/reply': { ...STAFF_X, centerAdmin: 403 },
  'POST /api/v1/staff/hotline/requests/:id/callback': CENTER,
  'POST /api/v1/staff/hotline/requests/:id/merge': CENTER,
  'GET /api/v1/admin/hotline/categories': ADMIN,
  'POST /api/v1/admin/hotline/categories': CENTER,
  'PATCH /api/v1/admin/hotline/categories/:code': CENTER,
  'POST /api/v1/admin/hotline/partners': CENTER,
  'GET /api/v1/admin/hotline/figures': ADMIN,
  'GET /api/v1/public/hotline/figures': PUBLIC,
  'GET /open311/v2/services.json': PUBLIC,
  'GET /open311/v2/services/:code.json': PUBLIC,
  // Without a partner's api_key every caller is refused alike (400 without one in the body).
  'POST /open311/v2/requests.json': PUBLIC,
  'GET /open311/v2/requests.json': PUBLIC,
  'GET /open311/v2/requests/:id.json': PUBLIC,
  'GET /open311/v2/tokens/:id.json': PUBLIC,
  'GET /api/v1/public/figures': PUBLIC,
  'GET /api/v1/admin/figures': ADMIN,
  'GET /api/v1/admin/exports/figures': ADMIN,
  'GET /api/v1/admin/exports/cases': ADMIN,
  'GET /api/v1/admin/exports/catalogue': ADMIN,
  'POST /api/v1/admin/imports/catalogue': ADMIN,
};

let testbed: PaymentsTestbed;
let app: TestApp;
let fixture: AccessFixture;
test.before(async () => {
  testbed = await startPaymentsApp('publicKey'); // payments on, against the local fake
  app = testbed.app;
  fixture = await buildAccessFixture();
});
test.after.always(() => testbed.close());

const key = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;

test('access matrix › every route has a rule', (t) => {
  const missing = routeTable.map(key).filter((k) => !RULES[k]);
  t.deepEqual(missing, [], `routes without an access rule: ${missing.join(', ')}`);
  const stale = Object.keys(RULES).filter((k) => !routeTable.some((route) => key(route) === k));
  t.deepEqual(stale, [], `rules for routes that no longer exist: ${stale.join(', ')}`);
});

test.serial('access matrix › every role gets what the table says on every route', async (t) => {
  const failures: string[] = [];
  for (const route of routeTable) {
    const rule = RULES[key(route)];
    if (!rule) continue;
    const values = fixture.params(route.path);
    const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
    for (const role of ROLES) {
      const expected = rule[role];
      const body = BODIES[key(route)]?.() ?? (route.method === 'get' ? undefined : {});
      const res = await app.request(route.method.toUpperCase(), path, {
        headers: fixture.headers[role],
        ...(body instanceof FormData ? { rawBody: body } : body === undefined ? {} : { body }),
      });
      const fine =
        res.status < 500 &&
        (expected === 'ok'
          ? res.status !== 401 && res.status !== 403
          : expected === 'deny'
            ? res.status === 403 || res.status === 404
            : res.status === expected);
      if (!fine) failures.push(`${key(route)} as ${role}: expected ${expected}, got ${res.status} ${res.text.slice(0, 120)}`);
    }
  }
  t.deepEqual(failures, []);
});
