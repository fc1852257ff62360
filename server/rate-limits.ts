// The limits of the actions people hammer: login, booking, upload. Per caller and per IP;
// IP limits are generous because a whole office or a carrier NAT can share one address.
import { config } from './config.ts';
import { rateLimit } from './middleware/rate-limit.ts';

export const loginRateLimit = () =>
  rateLimit({ name: 'login', limits: () => ({ perCaller: config.LOGIN_LIMIT_PER_MINUTE, perIp: config.LOGIN_IP_LIMIT_PER_MINUTE }), windowSeconds: 60 });

export const bookingRateLimit = () =>
  rateLimit({ name: 'booking', limits: () => ({ perCaller: config.BOOKING_LIMIT_PER_MINUTE, perIp: config.BOOKING_IP_LIMIT_PER_MINUTE }), windowSeconds: 60 });

export const uploadRateLimit = () =>
  rateLimit({ name: 'upload', limits: () => ({ perCaller: config.UPLOAD_LIMIT_PER_MINUTE, perIp: config.UPLOAD_IP_LIMIT_PER_MINUTE }), windowSeconds: 60 });
