// Structured JSON logs (pino). Personal data never goes into a log line: log ids, not names.
import { pino } from 'pino';
import { config } from './config.ts';

export const logger = pino({
  level: config.NODE_ENV === 'test' && !process.env.LOG_LEVEL ? 'silent' : config.LOG_LEVEL,
  base: { service: 'onetrip' },
  redact: {
    paths: ['*.password', '*.idNumber', '*.phone', '*.authorization', '*.token', 'req.headers.authorization'],
    censor: '[redacted]',
  },
});

export type Logger = typeof logger;
