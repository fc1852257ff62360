// The options every integrations/wechat call takes, from configuration.
import { config } from '../../server/config.ts';

export const wechatOptions = () => ({ apiBase: config.WECHAT_API_BASE, appId: config.WECHAT_APPID, secret: config.WECHAT_SECRET });
