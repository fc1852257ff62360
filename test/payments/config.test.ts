// Production refuses to start with payments enabled and any WeChat Pay secret missing.
import test from 'ava';
import { parseEnv } from '../../server/config.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-0123',
  PII_KEY: Buffer.alloc(32, 9).toString('base64'),
  ADMIN_PASSWORD: 'a-real-admin-password',
  WECHAT_SECRET: 'a-wechat-appsecret-of-32-chars-00', // an AppSecret is 32 characters
};
const CERTIFICATE_MODE = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY_PATH: '/etc/onetrip/apiclient_key.pem',
  WECHATPAY_APIV3_KEY: 'a'.repeat(32),
  WECHATPAY_NOTIFY_URL: 'https://onetrip.example.gov.cn/api/v1/wechat/pay/notify',
  WECHATPAY_PLATFORM_CERT_PATH: '/etc/onetrip/platform_cert.pem',
};

test('config › production without a merchant id › starts with payments off', (t) => {
  t.is(parseEnv(PRODUCTION).WECHATPAY_MCHID, '');
});

test('config › production with payments and every key › starts (platform certificate or public key)', (t) => {
  t.notThrows(() => parseEnv({ ...PRODUCTION, ...CERTIFICATE_MODE }));
  const publicKeyMode = {
    ...CERTIFICATE_MODE,
    WECHATPAY_PLATFORM_CERT_PATH: '',
    WECHATPAY_PUBLIC_KEY_PATH: '/etc/onetrip/pub_key.pem',
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000',
  };
  t.notThrows(() => parseEnv({ ...PRODUCTION, ...publicKeyMode }));
});

for (const missing of ['WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY_PATH', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_NOTIFY_URL'] as const) {
  test(`config › production with payments and no ${missing} › refuses to start naming it`, (t) => {
    const error = t.throws(() => parseEnv({ ...PRODUCTION, ...CERTIFICATE_MODE, [missing]: '' }));
    t.regex(error?.message ?? '', new RegExp(missing));
  });
}

test('config › production with payments and neither a platform certificate nor a full public key › refuses to start', (t) => {
  const error = t.throws(() =>
    parseEnv({ ...PRODUCTION, ...CERTIFICATE_MODE, WECHATPAY_PLATFORM_CERT_PATH: '', WECHATPAY_PUBLIC_KEY_PATH: '/etc/onetrip/pub_key.pem' }),
  );
  t.regex(error?.message ?? '', /WECHATPAY_PLATFORM_CERT_PATH or WECHATPAY_PUBLIC_KEY_PATH\+WECHATPAY_PUBLIC_KEY_ID/);
});

test('config › an APIv3 key of the wrong length › is refused in any environment', (t) => {
  const error = t.throws(() => parseEnv({ WECHATPAY_APIV3_KEY: 'short' }));
  t.regex(error?.message ?? '', /WECHATPAY_APIV3_KEY/);
});
