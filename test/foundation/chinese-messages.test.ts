// Validation answers are Chinese through and through: zod's own messages (type, size, format,
// enum, unknown keys …) come out in Chinese, never "Invalid input: expected string".
import test from 'ava';
import { z } from 'zod';
import { chineseIssueMessage } from '../../server/zod-messages.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const CJK = /[\u4e00-\u9fff]/;
const ENGLISH = /\b(invalid|expected|received|required|too (?:big|small)|must|string|number|boolean|undefined|object|array)\b/i;

const cases: [z.ZodType, unknown][] = [
  [z.object({ a: z.string() }), {}],
  [z.object({ a: z.string() }), { a: 1 }],
  [z.number().int(), 1.5],
  [z.number().int(), 'x'],
  [z.boolean(), 'yes'],
  [z.array(z.string()), {}],
  [z.object({}), []],
  [z.string().min(1), ''],
  [z.string().min(3), 'ab'],
  [z.string().max(2), 'abc'],
  [z.array(z.string()).max(1), ['a', 'b']],
  [z.array(z.string()).min(1), []],
  [z.number().min(1), 0],
  [z.number().max(100), 101],
  [z.number().gt(0), 0],
  [z.number().multipleOf(5), 3],
  [z.enum(['approve', 'reject']), 'maybe'],
  [z.literal('RSA'), 'MD5'],
  [z.string().regex(/^\d+$/), 'abc'],
  [z.email(), 'not-mail'],
  [z.url(), 'not a url'],
  [z.iso.datetime({ offset: true }), 'yesterday'],
  [z.iso.date(), '2026-13-45'],
  [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
  [z.union([z.string(), z.number()]), true],
  [z.record(z.string().regex(/^a/), z.string()), { b: 'x' }],
  [z.string().refine(() => false), 'x'],
];

test('zod issues › every kind gets a Chinese message without English words', (t) => {
  for (const [schema, value] of cases) {
    const result = schema.safeParse(value, { error: chineseIssueMessage });
    t.false(result.success);
    for (const issue of result.error?.issues ?? []) {
      t.regex(issue.message, CJK, `${JSON.stringify(value)} → ${issue.message}`);
      t.notRegex(issue.message, ENGLISH, `${JSON.stringify(value)} → ${issue.message}`);
    }
  }
  const missing = z.object({ a: z.string() }).safeParse({}, { error: chineseIssueMessage });
  t.is(missing.error?.issues[0]?.message, '必填');
  const written = z.string().regex(/^\d+$/, '只能是数字').safeParse('x', { error: chineseIssueMessage });
  t.is(written.error?.issues[0]?.message, '只能是数字', 'a message written on the schema wins');
});

let app: TestApp;
test.before(async () => (app = await startTestApp()));
test.after.always(() => app?.close());

test('validation answers › field messages are Chinese', async (t) => {
  const login = await app.request('POST', '/api/v1/auth/staff/login', { body: { username: 5 } });
  t.is(login.status, 400);
  t.deepEqual(login.body.error.details.fields, { 'body.username': '应为文本', 'body.password': '必填' });
  const list = await app.request('GET', '/api/v1/items?pageSize=1000&highFrequency=maybe');
  t.is(list.body.error.details.fields['query.pageSize'], '不能大于 100');
  t.is(list.body.error.details.fields['query.highFrequency'], '应为以下之一：true、false');
});
