import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv as parseDotEnv } from 'node:util';
import { CONFIG_KEYS, PRODUCTION_SECRETS, isPlaceholder, loadEnv, parseEnv, readEnvFile } from '../../server/config.ts';

const EXAMPLE_FILE = fileURLToPath(new URL('../../.env.example', import.meta.url));
/** Production values that pass every check; tests spoil one at a time. */
const GOOD_SECRETS = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  PII_KEY: Buffer.alloc(32, 1).toString('base64'),
  ADMIN_PASSWORD: 'a-real-admin-password',
  WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
};

test('.env.example › documents every variable with a comment', (t) => {
  const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
  for (const key of CONFIG_KEYS) {
    const index = lines.findIndex((line) => line.startsWith(`${key}=`));
    t.true(index > 0, `${key} is listed`);
    const above = lines
      .slice(0, index)
      .reverse()
      .find((line) => !/^[A-Z_0-9]+=/.test(line));
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
  const secrets = GOOD_SECRETS;
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

test('parseEnv › production refuses a secret that is empty, too short or a placeholder, naming each', (t) => {
  t.notThrows(() => parseEnv(GOOD_SECRETS));
  const spoilt = {
    ...GOOD_SECRETS,
    JWT_SECRET: 'change-me-to-a-long-random-string-of-32-chars-or-more',
    ADMIN_PASSWORD: 'short-pass',
    WECHAT_SECRET: 'CHANGE-ME',
    PII_KEY: '',
  };
  const error = t.throws(() => parseEnv(spoilt));
  t.regex(error.message, /JWT_SECRET is a placeholder/);
  t.regex(error.message, /ADMIN_PASSWORD is shorter than 12 characters/);
  t.regex(error.message, /WECHAT_SECRET is a placeholder/);
  t.regex(error.message, /PII_KEY is not set/);
  t.throws(() => parseEnv({ ...GOOD_SECRETS, ADMIN_PASSWORD: 'onetrip-admin-2026' }), { message: /ADMIN_PASSWORD is a placeholder/ });
  t.throws(() => parseEnv({ ...GOOD_SECRETS, WECHAT_SECRET: 'wechat-secret' }), { message: /WECHAT_SECRET is shorter than 32/ });
  t.throws(() => parseEnv({ ...GOOD_SECRETS, JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789' }), { message: /JWT_SECRET is a placeholder/ });
});

test('.env.example › every secret there is empty or a placeholder that production refuses', (t) => {
  const example = parseDotEnv(readFileSync(EXAMPLE_FILE, 'utf8'));
  for (const { key } of PRODUCTION_SECRETS) {
    const value = example[key] ?? '';
    t.true(value === '' || isPlaceholder(value), `${key}=${value} in .env.example is caught as a placeholder`);
  }
  // A production start with .env.example copied as it is (payments on) names every secret.
  const error = t.throws(() => parseEnv({ ...example, NODE_ENV: 'production', WECHATPAY_MCHID: '1900000001' }));
  for (const { key } of PRODUCTION_SECRETS) t.regex(error.message, new RegExp(`${key} is`));
});

test('parseEnv › HOST is 127.0.0.1 outside production, 0.0.0.0 in production, or as set', (t) => {
  t.is(parseEnv({}).HOST, '127.0.0.1');
  t.is(parseEnv({ NODE_ENV: 'test' }).HOST, '127.0.0.1');
  t.is(parseEnv(GOOD_SECRETS).HOST, '0.0.0.0');
  t.is(parseEnv({ ...GOOD_SECRETS, HOST: '10.0.0.5' }).HOST, '10.0.0.5');
  t.is(parseEnv({ HOST: '0.0.0.0' }).HOST, '0.0.0.0');
  t.throws(() => parseEnv({ HOST: 'not a host/' }), { message: /HOST/ });
});

test('loadEnv › reads .env under the environment, which wins; a missing or unnamed file reads nothing', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onetrip-env-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, '.env');
  writeFileSync(file, '# a comment\nPORT=4567\nHOST=127.0.0.9\nTZ_NAME="Asia/Urumqi"\n');
  t.deepEqual(readEnvFile(file), { PORT: '4567', HOST: '127.0.0.9', TZ_NAME: 'Asia/Urumqi' });
  const env = parseEnv(loadEnv({ HOST: '127.0.0.1' }, file));
  t.is(env.PORT, 4567);
  t.is(env.TZ_NAME, 'Asia/Urumqi');
  t.is(env.HOST, '127.0.0.1', 'the environment wins over the file');
  t.deepEqual(readEnvFile(path.join(dir, 'absent.env')), {});
  t.is(parseEnv(loadEnv({ ENV_FILE: '' })).PORT, 3000, 'ENV_FILE= reads no file');
  t.is(parseEnv(loadEnv({ ENV_FILE: file })).PORT, 4567, 'ENV_FILE names the file');
});

test('config › a process started in a folder with a .env takes its values', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onetrip-env-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, '.env'), 'PORT=4321\nHOST=127.0.0.3\n');
  const configModule = fileURLToPath(new URL('../../server/config.ts', import.meta.url));
  const { ENV_FILE: _ignored, ...environment } = process.env;
  const printed = execFileSync(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      '--input-type=module',
      '-e',
      `const { config } = await import(${JSON.stringify(configModule)}); console.log(JSON.stringify([config.PORT, config.HOST]));`,
    ],
    { cwd: dir, env: { ...environment, PORT: '', HOST: '' }, encoding: 'utf8' },
  );
  t.deepEqual(JSON.parse(printed.trim().split('\n').at(-1)!), [4321, '127.0.0.3']);
});
