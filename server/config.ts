// The only reader of process.env: parses and validates the environment once at start, with the
// variables of a `.env` file under it (the environment wins, as with Node's --env-file). A bad
// value stops the server with a message naming the variable.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';

const DEFAULT_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
// 32 zero-ish bytes for development only; production refuses it.
const DEFAULT_PII_KEY = Buffer.alloc(32, 7).toString('base64');

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(fallback);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(3000, 0, 65535),
  /** Unset: 127.0.0.1 (this machine only), or 0.0.0.0 in production (behind the load balancer). */
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:_-]{1,253}$/, 'expected an IP address or host name')
    .optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URI')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('onetrip'),
  DATA_DIR: z.string().default('./data'),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').default(DEFAULT_JWT_SECRET),
  TZ_NAME: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
  JOBS_ENABLED: bool.default(true),
  /** Office hours of the hotline's departments, in which sign-for deadlines (working hours) run. */
  HOTLINE_OFFICE_HOURS: z
    .string()
    .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'expected HH:mm-HH:mm')
    .default('09:00-17:00'),
  /** Working days a citizen has to rate a hotline reply before the request closes by itself. */
  HOTLINE_RATING_WINDOW_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  PUBLISH_DIR: z.string().default('./publish'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().default(''),
  WECHAT_APPID: z.string().default('wx0000000000000000'),
  WECHAT_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /** OneTrip plays WeChat (integrations/wechat/sandbox.ts) and, without WECHATPAY_MCHID, WeChat Pay; default on in development only. */
  WECHAT_SANDBOX: bool.optional(),
  /** Subscribe-message template for application status changes (申请进度通知); empty: not sent. */
  WECHAT_TEMPLATE_CASE_STATUS: z.string().default(''),
  WECHAT_TEMPLATE_APPOINTMENT_REMINDER: z.string().default(''),
  WECHATPAY_MCHID: z.string().default(''),
  WECHATPAY_SERIAL: z.string().default(''),
  WECHATPAY_PRIVATE_KEY_PATH: z.string().default(''),
  WECHATPAY_APIV3_KEY: z
    .string()
    .refine((v) => v === '' || v.length === 32, 'must be 32 characters')
    .default(''),
  WECHATPAY_PLATFORM_CERT_PATH: z.string().default(''),
  WECHATPAY_PUBLIC_KEY_PATH: z.string().default(''),
  WECHATPAY_PUBLIC_KEY_ID: z.string().default(''),
  WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  WECHATPAY_NOTIFY_URL: z.string().default(''),
  ADMIN_USERNAME: z.string().min(3).default('admin'),
  ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').default('onetrip-admin-2026'),
  PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEFAULT_PII_KEY),
  PII_KEY_PREVIOUS: z.string().default(''),
  ACCESS_TOKEN_TTL_SECONDS: int(1800, 60),
  REFRESH_TOKEN_TTL_SECONDS: int(30 * 24 * 3600, 3600),
  BODY_LIMIT_KB: int(256, 1),
  UPLOAD_MAX_BYTES: int(10 * 1024 * 1024, 1024),
  LOGIN_LIMIT_PER_MINUTE: int(10, 1),
  LOGIN_IP_LIMIT_PER_MINUTE: int(120, 1),
  BOOKING_LIMIT_PER_MINUTE: int(20, 1),
  BOOKING_IP_LIMIT_PER_MINUTE: int(1200, 1),
  UPLOAD_LIMIT_PER_MINUTE: int(30, 1),
  UPLOAD_IP_LIMIT_PER_MINUTE: int(600, 1),
  CATALOGUE_REFRESH_MS: int(2000, 100),
  SLOT_LIST_FRESH_MS: int(1000, 0, 10_000),
  SLOT_HORIZON_WORKING_DAYS: int(14, 1, 60),
  SLOT_RELEASE_TIME: hhmm.default('08:00'),
  BOOKING_CLOSE_MINUTES: int(30),
  SAME_DAY_BOOKING: bool.default(false),
  CANCEL_CUTOFF_MINUTES: int(60),
  MAX_ACTIVE_BOOKINGS: int(3, 1),
  NO_SHOW_GRACE_MINUTES: int(30),
  QUEUE_LATE_AFTER: int(3, 0, 50),
  NO_SHOW_LIMIT: int(3, 1),
  NO_SHOW_WINDOW_DAYS: int(90, 1),
  BOOKING_BAN_DAYS: int(30, 1),
  SCREEN_REFRESH_SECONDS: int(3, 1),
  PUBLISH_DAYS: int(30, 1),
  RECTIFICATION_WORKING_DAYS: int(15, 1),
  RETENTION_DAYS: int(365 * 3, 1),
});

export type Env = Omit<z.infer<typeof EnvSchema>, 'HOST' | 'WECHAT_SANDBOX'> & { HOST: string; WECHAT_SANDBOX: boolean };

/** Every variable OneTrip reads (each is documented in .env.example). */
export const CONFIG_KEYS = Object.keys(EnvSchema.shape);

/**
 * How a secret's value shows it was never chosen: the beginnings of the `.env.example`
 * placeholders (test/foundation/config.test.ts checks every one there is caught) and of the
 * development defaults above.
 */
export const PLACEHOLDER_PREFIXES = ['change-me', 'changeme', 'replace-me', 'dev-only', 'example', 'your-'];
/** Development defaults and demo passwords: never a production secret. */
const KNOWN_DEFAULTS = [DEFAULT_JWT_SECRET, DEFAULT_PII_KEY, 'onetrip-admin-2026', 'onetrip-demo-2026'];

/** True when `value` is a placeholder or a development default rather than a real secret. */
export function isPlaceholder(value: string): boolean {
  const lower = value.trim().toLowerCase();
  return KNOWN_DEFAULTS.includes(value) || PLACEHOLDER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The secrets production checks, with the length each needs; `when` limits one to a feature. */
export const PRODUCTION_SECRETS: { key: keyof Env; minLength: number; when?: (env: Env) => boolean }[] = [
  { key: 'JWT_SECRET', minLength: 32 },
  { key: 'PII_KEY', minLength: 43 }, // 32 bytes in base64 (the padding is optional)
  { key: 'ADMIN_PASSWORD', minLength: 12 },
  { key: 'WECHAT_SECRET', minLength: 32 }, // a mini-program's AppSecret is 32 characters
  { key: 'WECHATPAY_APIV3_KEY', minLength: 32, when: (env) => paymentsEnabled(env) },
];

/** Parses an environment; throws one Error naming every bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const production = result.data.NODE_ENV === 'production';
  const parsed: Env = {
    ...result.data,
    HOST: result.data.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    WECHAT_SANDBOX: result.data.WECHAT_SANDBOX ?? result.data.NODE_ENV === 'development',
  };
  if (production) {
    if (parsed.WECHAT_SANDBOX) throw new Error('Invalid configuration:\n  WECHAT_SANDBOX: the sandbox plays WeChat itself and is refused in production');
    assertProductionSecrets(parsed, cleaned);
  }
  return parsed;
}

/**
 * The variables of a `.env` file (Node's own parser, as for --env-file), or none when there is
 * no such file.
 */
export function readEnvFile(file: string): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  const parsed = parseDotEnv(readFileSync(file, 'utf8'));
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The environment to parse: the `.env` file's variables under the process environment's, which
 * win unless empty (empty means unset everywhere here). ENV_FILE names another file; empty reads
 * none (the test runner sets it so, so that a developer's .env cannot change the tests).
 */
export function loadEnv(env: NodeJS.ProcessEnv, file = env.ENV_FILE ?? '.env'): NodeJS.ProcessEnv {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  return { ...readEnvFile(file), ...set };
}

function assertProductionSecrets(env: Env, given: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  for (const { key, minLength, when } of PRODUCTION_SECRETS) {
    if (when && !when(env)) continue;
    const value = String(env[key] ?? '');
    if (given[key] === undefined || value === '') problems.push(`${key} is not set`);
    else if (isPlaceholder(value)) problems.push(`${key} is a placeholder or development default`);
    else if (value.length < minLength) problems.push(`${key} is shorter than ${minLength} characters`);
  }
  if (paymentsEnabled(env)) {
    for (const key of ['WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY_PATH', 'WECHATPAY_NOTIFY_URL'] as const) {
      if (!env[key]) problems.push(`${key} is not set`);
    }
    if (!env.WECHATPAY_PLATFORM_CERT_PATH && !(env.WECHATPAY_PUBLIC_KEY_PATH && env.WECHATPAY_PUBLIC_KEY_ID)) {
      problems.push('WECHATPAY_PLATFORM_CERT_PATH or WECHATPAY_PUBLIC_KEY_PATH+WECHATPAY_PUBLIC_KEY_ID is not set');
    }
  }
  if (problems.length) throw new Error(`Refusing to start in production with missing or default secrets: ${problems.join('; ')}`);
}

/** Payments are on when a merchant id is configured, or when the sandbox plays WeChat Pay. */
export function paymentsEnabled(env: Env): boolean {
  return env.WECHATPAY_MCHID !== '' || paymentsSandboxed(env);
}

/** The sandbox plays WeChat Pay: WECHAT_SANDBOX is on and no merchant is configured. */
export function paymentsSandboxed(env: Env): boolean {
  return env.WECHAT_SANDBOX && env.WECHATPAY_MCHID === '';
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration of this process. Tests adjust single fields (say, a fake WeChat base URL)
 * with Object.assign before creating the app; nothing else writes to it.
 */
export const config: Env = parseEnv(loadEnv(process.env));
