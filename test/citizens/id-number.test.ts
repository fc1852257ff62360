// ID numbers checked against reality: no birth after today, a region code of the national
// division list (historical codes for those born before the list begins), the check digit.
import test from 'ava';
import { idNumberProblem } from '../../services/pii/id-number.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildCitizen } from '../helpers/factories.ts';

/** Completes 17 digits with their GB 11643 check character (computed here, independently). */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return first17 + '10X98765432'[sum % 11];
}
const TODAY = '2026-05-01';

test('ID number › born 2058 › refused as a birth after today, accepted once that day has come', (t) => {
  t.regex(idNumberProblem('371502205801128471', TODAY) ?? '', /出生日期晚于今天/);
  t.regex(idNumberProblem('371502205801128471', '2058-01-11') ?? '', /晚于今天/);
  t.is(idNumberProblem('371502205801128471', '2058-01-12'), undefined, 'region, date and check digit are otherwise right');
});

test('ID number › a region code that never existed › refused', (t) => {
  for (const region of ['000101', '990101', '000000']) {
    t.regex(idNumberProblem(withCheck(`${region}19850615123`), TODAY) ?? '', /前 6 位不是有效的行政区划代码/, region);
  }
  t.regex(idNumberProblem(withCheck('11019920100101123'), TODAY) ?? '', /行政区划/, 'a county code Beijing never had, for someone born in 2010');
});

test('ID number › current and historical codes › accepted', (t) => {
  for (const id of [
    '11010519491231002X', // 北京市朝阳区, born 1949
    withCheck('37150220100315123'), // 山东省聊城市东昌府区
    withCheck('33011220180704001'), // 杭州市临安区, a district since 2017
    withCheck('11010320050202123'), // 北京市崇文区: merged into 东城区 in 2010, right for someone born in 2005
    withCheck('37120020120509123'), // 莱芜市: merged into 济南 in 2019
    withCheck('51220119850101123'), // 四川省万县 (now 重庆), a code from before the list, born 1985
    withCheck('81000019900101123'), // 港澳台居民居住证
  ]) {
    t.is(idNumberProblem(id, TODAY), undefined, id);
  }
  t.regex(idNumberProblem(withCheck('51220120100101123'), TODAY) ?? '', /行政区划/, 'the old 万县 code for someone born in 2010');
});

test('ID number › shape, impossible dates and the check digit › each refused with its own message', (t) => {
  t.regex(idNumberProblem('11010519491231002', TODAY) ?? '', /18 位/);
  t.regex(idNumberProblem(withCheck('11010519990230123'), TODAY) ?? '', /出生日期不存在/);
  t.regex(idNumberProblem(withCheck('11010518991231123'), TODAY) ?? '', /早于 1900 年/);
  t.regex(idNumberProblem('110105194912310021', TODAY) ?? '', /校验码不正确/);
});

let app: TestApp;
test.before(async () => (app = await startTestApp({ clock: () => new Date(`${TODAY}T10:00:00+08:00`) })));
test.after.always(() => app?.close());

test('PUT /me/profile › a future birth date or an unknown region › 400 naming the problem, nothing saved', async (t) => {
  const citizen = await buildCitizen();
  for (const [idNumber, problem] of [
    ['371502205801128471', /出生日期晚于今天/],
    [withCheck('00010119850615123'), /行政区划代码/],
  ] as const) {
    const res = await app.request('PUT', '/api/v1/me/profile', { token: citizen.token, body: { name: '王小二', idNumber, phone: '13700001234' } });
    t.is(res.status, 400);
    t.is(res.body.error.code, 'VALIDATION_FAILED');
    t.regex(res.body.error.details.fields['body.idNumber'], problem);
  }
  const me = await app.request('GET', '/api/v1/me', { token: citizen.token });
  t.is(me.body.verified, false);
  const saved = await app.request('PUT', '/api/v1/me/profile', {
    token: citizen.token,
    body: { name: '王小二', idNumber: withCheck('37150220100315123'), phone: '13700001234' },
  });
  t.is(saved.status, 200, JSON.stringify(saved.body));
});
