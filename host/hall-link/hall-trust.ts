import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import { certificateFingerprint, pemOfDer } from '../lan/fingerprint';
import { tlsFetch } from '../lan/tls-fetch';

/** The TLS options of every connection to a paired hall: its CA and no other, checked by fingerprint too. */
export interface PinnedTls {
  ca: string[];
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined;
}

/** The root of the chain a server presented (the last certificate, issuer of itself). */
function chainRoot(cert: DetailedPeerCertificate): DetailedPeerCertificate {
  let current = cert;
  const seen = new Set<string>();
  // A chain ends at a certificate that is its own issuer; guard against a loop all the same.
  while (current.issuerCertificate !== undefined && current.issuerCertificate !== current && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    current = current.issuerCertificate;
  }
  return current;
}

/**
 * Pins a hall's CA: node verifies the chain against this CA alone (`ca` replaces the system's
 * store), then the server's name, then that the chain it presented ends at exactly this CA.
 */
export function pinnedTls(caPem: string): PinnedTls {
  const pin = certificateFingerprint(caPem);
  return {
    ca: [caPem],
    checkServerIdentity: (host, cert) => {
      const nameError = checkServerIdentity(host, cert);
      if (nameError) return nameError;
      const root = chainRoot(cert as DetailedPeerCertificate);
      return root.fingerprint256 === pin ? undefined : new Error('the hall presented a certificate of another CA');
    },
  };
}

/** The fetch of calls to a paired hall over https. */
export function pinnedFetch(caPem: string): typeof fetch {
  return tlsFetch({ tls: pinnedTls(caPem) });
}

/**
 * The first contact with a hall, before anything can be verified: the pairing claim alone goes
 * over it. It records the CA the connection presented (the chain's root, which must have issued
 * the server's certificate), so the claim's reply can be checked against it: a fingerprint that
 * does not match means a man in the middle, or not our hall.
 */
export class FirstContact {
  private presented: { caPem: string; issuedServer: boolean } | null = null;

  readonly fetch: typeof fetch = tlsFetch({
    tls: { rejectUnauthorized: false },
    onSocket: (socket: TLSSocket) => {
      const leaf = socket.getPeerCertificate(true);
      if (!leaf.raw) return;
      const root = chainRoot(leaf);
      const caPem = pemOfDer(root.raw);
      const ca = new X509Certificate(caPem);
      const server = new X509Certificate(leaf.raw);
      this.presented = { caPem, issuedServer: ca.ca && server.checkIssued(ca) && server.verify(ca.publicKey) };
    },
  });

  /** The CA the hall presented, if it is the one of `fingerprint` and it issued the server's certificate. */
  caMatching(fingerprint: string): string | null {
    const presented = this.presented;
    if (presented === null || !presented.issuedServer) return null;
    return certificateFingerprint(presented.caPem) === fingerprint ? presented.caPem : null;
  }
}
