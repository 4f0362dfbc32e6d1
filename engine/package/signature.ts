import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import type { OpaqueKeyObject } from '../../shared/contracts/evidence-package.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Optional examiner signature: Ed25519 over the exact bytes of tagmanifest-sha256.txt, which
 * lists bag-info.txt and manifest-sha256.txt and through them every payload byte. The signature
 * is raw (64 bytes, not base64) because that is what `openssl pkeyutl -verify -rawin -sigfile`
 * reads. The signature file cannot be in the tag manifest it signs; the public key is, so a
 * swapped key breaks the signature too.
 */
export const SIGNATURE_PATH = 'signature/tagmanifest.sig';
export const PUBLIC_KEY_PATH = 'signature/examiner-public-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo: what the examiner reads out to the court. */
  fingerprint: string;
}

export function loadSigningKey(key: OpaqueKeyObject | string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = key instanceof KeyObject ? key : createPrivateKey(typeof key === 'string' ? key : String(key));
  } catch (error) {
    throw new AppError('E_INVALID_REQUEST', `The signing key cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError('E_INVALID_REQUEST', `The signing key must be an Ed25519 private key (got ${privateKey.type} ${privateKey.asymmetricKeyType ?? ''})`);
  }
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

export function signBytes(key: SigningKey, bytes: Uint8Array): Buffer {
  return sign(null, bytes, key.privateKey);
}

/** null when it verifies; otherwise why not. */
export function checkSignature(publicKeyPem: string, bytes: Uint8Array, signature: Uint8Array): string | null {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== 'ed25519') return `the public key is ${publicKey.asymmetricKeyType ?? 'unknown'}, not Ed25519`;
    return verify(null, bytes, publicKey, signature) ? null : 'the Ed25519 signature does not match tagmanifest-sha256.txt and the public key';
  } catch (error) {
    return `the signature cannot be checked: ${error instanceof Error ? error.message : String(error)}`;
  }
}
