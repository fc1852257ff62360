// A merchant API key pair and certificate made at test time (nothing is committed): what a
// merchant downloads from the WeChat Pay portal as apiclient_key.pem / apiclient_cert.pem.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { generateRsaKeyPair, type RsaKeyPair } from '../../integrations/wechatpay/sandbox/signing.ts';

export { generateRsaKeyPair };
export type TestKeyPair = RsaKeyPair;

export interface MerchantKeys extends TestKeyPair {
  certPem: string;
  /** The certificate serial as WeChat Pay shows it: upper-case hex. */
  serial: string;
}

/** A self-signed certificate over an existing key pair, and its serial. */
export async function selfSignedCertificate(keys: TestKeyPair, commonName: string) {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyPair: { privateKey: keys.privateKeyPem, publicKey: keys.publicKeyPem },
    algorithm: 'sha256',
  });
  return { certPem: pems.cert, serial: new X509Certificate(pems.cert).serialNumber.toUpperCase() };
}

/** Merchant keys and certificate for `mchId`. */
export async function generateMerchantKeys(mchId = '1900000109'): Promise<MerchantKeys> {
  const keys = generateRsaKeyPair();
  return { ...keys, ...(await selfSignedCertificate(keys, `${mchId}_OneTrip test merchant`)) };
}
