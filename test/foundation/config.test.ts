import test from 'ava';
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, parseEnv } from '../../server/config.ts';

test('.env.example › documents every variable with a comment', (t) => {
  const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
  for (const key of CONFIG_KEYS) {
    const index = lines.findIndex((line) => line.startsWith(`${key}=`));
    t.true(index > 0, `${key} is listed`);
    const above = lines.slice(0, index).reverse().find((line) => !/^[A-Z_0-9]+=/.test(line));
    t.true(above?.startsWith('#') ?? false, `${key} has a comment above it`);
  }
});

test('parseEnv › a bad value stops start-up naming the variable', (t) => {
  const error = t.throws(() => parseEnv({ PORT: 'eighty', TZ_NAME: 'Mars/Olympus' }));
  t.regex(error.message, /PORT/);
  t.regex(error.message, /TZ_NAME/);
  t.throws(() => parseEnv({ PII_KEY: 'c2hvcnQ=' }), { message: /PII_KEY/ });
});

test('parseEnv › production refuses default or missing secrets', (t) => {
  const error = t.throws(() => parseEnv({ NODE_ENV: 'production' }));
  for (const key of ['JWT_SECRET', 'PII_KEY', 'ADMIN_PASSWORD', 'WECHAT_SECRET']) t.regex(error.message, new RegExp(key));
});

test('parseEnv › production with payments on refuses missing merchant keys', (t) => {
  const secrets = {
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(40),
    PII_KEY: Buffer.alloc(32, 1).toString('base64'),
    ADMIN_PASSWORD: 'a-real-admin-password',
    WECHAT_SECRET: 'secret',
  };
  t.notThrows(() => parseEnv(secrets));
  const error = t.throws(() => parseEnv({ ...secrets, WECHATPAY_MCHID: '1900000001' }));
  t.regex(error.message, /WECHATPAY_PRIVATE_KEY_PATH/);
  t.regex(error.message, /WECHATPAY_PUBLIC_KEY_PATH/);
});

test('parseEnv › defaults match the contract', (t) => {
  const env = parseEnv({});
  t.is(env.PORT, 3000);
  t.is(env.TZ_NAME, 'Asia/Shanghai');
  t.is(env.JOBS_ENABLED, true);
  t.is(env.WECHAT_API_BASE, 'https://api.weixin.qq.com');
  t.is(env.WECHATPAY_API_BASE, 'https://api.mch.weixin.qq.com');
});
