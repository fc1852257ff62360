// Notifies signed with a WeChat Pay platform certificate.
import test from 'ava';
import { registerNotifyTests } from './notify-scenarios.ts';

registerNotifyTests(test, 'certificate');
