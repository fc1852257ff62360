// A merchant API key pair and certificate made at test time (nothing is committed): what a
// merchant downloads from the WeChat Pay portal as apiclient_key.pem / apiclient_cert.pem.
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TestKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface MerchantKeys extends TestKeyPair {
  certPem: string;
  /** The certificate serial as WeChat Pay shows it: upper-case hex. */
  serial: string;
}

/** A fresh 2048-bit RSA key pair in PEM (PKCS#8 private, SPKI public). */
export function generateRsaKeyPair(): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
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
