// The encrypted `resource` of WeChat Pay notifies: AEAD_AES_256_GCM under the APIv3 key, the
// 16-byte authentication tag appended to the ciphertext, base64 as a whole.
import { createDecipheriv } from 'node:crypto';
import { WechatPayDecryptError } from './errors.ts';

export interface EncryptedResource {
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}

const TAG_BYTES = 16;

/** Decrypts a notify resource with the APIv3 key and parses it as JSON. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): unknown {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new TypeError('the APIv3 key must be 32 bytes');
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  if (sealed.length <= TAG_BYTES) throw new WechatPayDecryptError('ciphertext too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch (error) {
    throw new WechatPayDecryptError('notify resource could not be decrypted', { cause: error });
  }
}
