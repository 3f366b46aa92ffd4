/**
 * The hall's own certificate authority: the one module that wraps @peculiar/x509 (a maintained
 * X.509 library, so no ASN.1 is written by hand here). ECDSA P-256 keys from node's WebCrypto.
 * Everything leaves this module as PEM text; callers never see a library type.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

// x509 v2 reads keys and signs through whatever WebCrypto it is given: node's own, as the global
// `crypto` (the same object as node:crypto's webcrypto, typed as the DOM's where that lib is on).
x509.cryptoProvider.set(globalThis.crypto);

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

/** A certificate and its private key (PKCS#8), both PEM. */
export interface KeyedCertificate {
  certPem: string;
  keyPem: string;
}

/** The names a server certificate answers to (SubjectAltName). */
export interface ServerNames {
  dns: readonly string[];
  ips: readonly string[];
}

async function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return webcrypto.subtle.importKey('pkcs8', der, EC_KEY, false, ['sign']);
}

/**
 * A new self-signed CA for one hall. It may sign only end-entity certificates (path length 0),
 * and lives twenty years: counter PCs and screens install it once.
 */
export async function createCertificateAuthority(hallId: string, now: Date): Promise<KeyedCertificate> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [`Hall Kiosk CA ${hallId}`], O: ['Hall Kiosk'] }],
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 20 * 365 * DAY_MS),
    keys,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

/** A server certificate for `names`, signed by `ca`, valid for `days` (the LAN listener's). */
export async function issueServerCertificate(
  ca: KeyedCertificate,
  names: ServerNames,
  now: Date,
  days: number,
): Promise<KeyedCertificate> {
  const keys = await newKeys();
  const caCert = new x509.X509Certificate(ca.certPem);
  const cert = await x509.X509CertificateGenerator.create({
    subject: [{ CN: [names.dns[0] ?? names.ips[0] ?? 'hall'] }],
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: await importPrivateKey(ca.keyPem),
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}
