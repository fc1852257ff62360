// The options every integrations/wechat call takes, from configuration.
import { config } from '../../server/config.ts';
import { logger } from '../../server/logger.ts';

export const wechatOptions = () => ({
  apiBase: config.WECHAT_API_BASE,
  appId: config.WECHAT_APPID,
  secret: config.WECHAT_SECRET,
  sandbox: config.WECHAT_SANDBOX,
  sandboxLog: (message: string, details: Record<string, unknown>) => logger.info(details, message),
});
