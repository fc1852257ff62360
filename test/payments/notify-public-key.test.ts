// Notifies signed with the WeChat Pay public key (Wechatpay-Serial PUB_KEY_ID_…).
import test from 'ava';
import { registerNotifyTests } from './notify-scenarios.ts';

registerNotifyTests(test, 'publicKey');
