import { X509Certificate } from 'node:crypto';

/**
 * A certificate's SHA-256 fingerprint (of its DER), as browsers and `openssl x509 -fingerprint
 * -sha256` show it: upper-case hex pairs joined by colons. What a technician compares by eye.
 */
export function certificateFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** The PEM text of a certificate given as DER (what a TLS socket reports of its peer). */
export function pemOfDer(der: Buffer): string {
  return new X509Certificate(der).toString();
}
