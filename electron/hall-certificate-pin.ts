import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** A certificate as Electron's `setCertificateVerifyProc` presents it: PEM, and its issuer's up the chain. */
export interface PresentedCertificate {
  data: string;
  issuerCert?: PresentedCertificate;
}

/** The hall this terminal paired with: its host name or address, and the SHA-256 fingerprint of its CA. */
export interface HallPin {
  hostname: string;
  caFingerprint: string;
}

/** Electron's answers: 0 trust, -2 refuse, -3 leave it to Chromium's own verification. */
export const VERIFY = { trust: 0, refuse: -2, chromium: -3 } as const;

function chainOf(leaf: PresentedCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current: PresentedCertificate | undefined = leaf;
  // A chain of a hall is two certificates; ten is more than any real one and stops a loop.
  while (current !== undefined && chain.length < 10) {
    const cert = new X509Certificate(current.data);
    if (chain.at(-1)?.fingerprint256 === cert.fingerprint256) break;
    chain.push(cert);
    current = current.issuerCert;
  }
  return chain;
}

function chainHolds(chain: readonly X509Certificate[], hostname: string, fingerprint: string, now: Date): boolean {
  const leaf = chain[0];
  const root = chain.at(-1);
  if (leaf === undefined || root === undefined || chain.length < 2) return false;
  if (root.fingerprint256 !== fingerprint || !root.ca || !root.checkIssued(root) || !root.verify(root.publicKey)) return false;
  for (let i = 0; i + 1 < chain.length; i += 1) {
    const child = chain[i];
    const parent = chain[i + 1];
    if (child === undefined || parent === undefined || !child.checkIssued(parent) || !child.verify(parent.publicKey))
      return false;
  }
  if (now.getTime() < Date.parse(leaf.validFrom) || now.getTime() > Date.parse(leaf.validTo)) return false;
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) === 0 ? leaf.checkHost(bare) !== undefined : leaf.checkIP(bare) !== undefined;
}

/**
 * The shell's certificate decision (Electron security checklist item 1): a connection to the
 * hall this terminal paired with must present a chain that ends at the pinned CA, valid now and
 * naming the hall; anything else, including a certificate Chromium itself would accept (a CA of
 * the system store), is refused. Other hosts are left to Chromium. No pin: Chromium decides.
 */
export function certificateVerdict(
  request: { hostname: string; certificate: PresentedCertificate },
  pin: HallPin | null,
  now: Date,
): (typeof VERIFY)[keyof typeof VERIFY] {
  if (pin === null || request.hostname.toLowerCase() !== pin.hostname.toLowerCase()) return VERIFY.chromium;
  try {
    return chainHolds(chainOf(request.certificate), request.hostname, pin.caFingerprint, now) ? VERIFY.trust : VERIFY.refuse;
  } catch {
    // A certificate node cannot even read is no hall's.
    return VERIFY.refuse;
  }
}

/** The pin of a terminal's hall link as its host reports it (hall address and the CA pinned at pairing). */
export function hallPinOf(link: { hallUrl: string | null; caFingerprint: string | null }): HallPin | null {
  if (link.hallUrl === null || link.caFingerprint === null || !URL.canParse(link.hallUrl)) return null;
  return { hostname: new URL(link.hallUrl).hostname.replace(/^\[|\]$/g, ''), caFingerprint: link.caFingerprint };
}
