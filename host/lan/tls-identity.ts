import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyedCertificate, ServerNames } from './certificate-authority';
import { certificateFingerprint } from './fingerprint';

/**
 * The X.509 library, loaded only when a certificate must be made (first boot, renewal): loading it
 * costs hundreds of milliseconds, which a restart with its certificates on disk never pays.
 */
const certificateAuthority = () => import('./certificate-authority');

/** A server certificate lives a year and is renewed a month before it ends (or when a name changed). */
const SERVER_DAYS = 365;
const RENEW_BEFORE_MS = 30 * 86_400_000;

/** What the LAN listener serves and what pairing hands out: no private key of the CA. */
export interface TlsIdentity {
  caCertPem: string;
  /** SHA-256 of the CA certificate (its DER), colon hex: what terminals pin. */
  caFingerprint: string;
  server: KeyedCertificate;
}

const FILES = {
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
} as const;

/** Whether a server certificate must be issued again: expiring within the month, or missing a name. */
export function serverCertificateDue(certPem: string, names: ServerNames, now: Date): boolean {
  const cert = new X509Certificate(certPem);
  if (Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE_MS) return true;
  if (Date.parse(cert.validFrom) > now.getTime()) return true;
  return names.dns.some((name) => cert.checkHost(name) === undefined) || names.ips.some((ip) => cert.checkIP(ip) === undefined);
}

/**
 * The hall's TLS identity in a folder of the data folder (`lan-tls/`): the CA is created at the
 * first boot and kept; the server certificate is issued again when due. Private keys are written
 * with mode 0600 (readable by the host's user only). Without a folder (tests on an in-memory
 * database) the identity lives in memory, new at each start.
 */
export class TlsIdentityStore {
  constructor(private readonly o: { dir: string | null; hallId: string; names: () => ServerNames }) {}

  /** The identity to serve now: created, renewed or read as it is. */
  async current(now: Date): Promise<TlsIdentity> {
    const ca =
      this.read('caCert', 'caKey') ??
      this.write('caCert', 'caKey', await (await certificateAuthority()).createCertificateAuthority(this.o.hallId, now));
    const names = this.o.names();
    let server = this.read('serverCert', 'serverKey');
    if (server === null || serverCertificateDue(server.certPem, names, now) || !issuedBy(server.certPem, ca.certPem)) {
      const { issueServerCertificate } = await certificateAuthority();
      server = this.write('serverCert', 'serverKey', await issueServerCertificate(ca, names, now, SERVER_DAYS));
    }
    return { caCertPem: ca.certPem, caFingerprint: certificateFingerprint(ca.certPem), server };
  }

  private memory = new Map<string, KeyedCertificate>();

  private read(cert: keyof typeof FILES, key: keyof typeof FILES): KeyedCertificate | null {
    if (this.o.dir === null) return this.memory.get(cert) ?? null;
    const certFile = join(this.o.dir, FILES[cert]);
    const keyFile = join(this.o.dir, FILES[key]);
    if (!existsSync(certFile) || !existsSync(keyFile)) return null;
    return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
  }

  private write(cert: keyof typeof FILES, key: keyof typeof FILES, value: KeyedCertificate): KeyedCertificate {
    if (this.o.dir === null) {
      this.memory.set(cert, value);
      return value;
    }
    mkdirSync(this.o.dir, { recursive: true, mode: 0o700 });
    const keyFile = join(this.o.dir, FILES[key]);
    writeFileSync(keyFile, value.keyPem, { mode: 0o600 });
    // writeFileSync keeps the mode of a file that existed: make sure.
    chmodSync(keyFile, 0o600);
    writeFileSync(join(this.o.dir, FILES[cert]), value.certPem, { mode: 0o644 });
    return value;
  }
}

function issuedBy(certPem: string, caPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}
