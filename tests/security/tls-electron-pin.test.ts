import { describe, expect, it } from 'vitest';
import { certificateVerdict, hallPinOf, VERIFY, type PresentedCertificate } from '../../electron/hall-certificate-pin';
import { createCertificateAuthority, issueServerCertificate } from '../../host/lan/certificate-authority';
import { certificateFingerprint } from '../../host/lan/fingerprint';
import { impostorCertificate } from './support/tls';

/** A chain as Electron's setCertificateVerifyProc hands it over: the leaf, its issuer up to the root. */
const presented = (serverPem: string, caPem: string): PresentedCertificate => {
  const root: PresentedCertificate = { data: caPem };
  root.issuerCert = root;
  return { data: serverPem, issuerCert: root };
};

/**
 * shell-logic: the Electron shell pins its hall's CA the way a secondary host does. The decision
 * runs on plain Node, given the certificate data Electron would give it.
 */
describe('shell-logic: the Electron shell’s pin of the hall CA', () => {
  it('trusts the paired hall’s chain, and refuses a man in the middle’s certificate for the same address', async () => {
    const now = new Date();
    const hallCa = await createCertificateAuthority('hall-01', now);
    const hallServer = await issueServerCertificate(hallCa, { dns: ['hall.local'], ips: ['192.168.1.10'] }, now, 365);
    const pin = hallPinOf({ hallUrl: 'https://192.168.1.10:7443', caFingerprint: certificateFingerprint(hallCa.certPem) });
    expect(pin).toEqual({ hostname: '192.168.1.10', caFingerprint: certificateFingerprint(hallCa.certPem) });

    const genuine = { hostname: '192.168.1.10', certificate: presented(hallServer.certPem, hallCa.certPem) };
    expect(certificateVerdict(genuine, pin, now)).toBe(VERIFY.trust);

    const impostor = await impostorCertificate();
    const mitm = await issueServerCertificate(impostor.ca, { dns: [], ips: ['192.168.1.10'] }, now, 30);
    expect(
      certificateVerdict({ hostname: '192.168.1.10', certificate: presented(mitm.certPem, impostor.ca.certPem) }, pin, now),
    ).toBe(VERIFY.refuse);
    // The impostor's leaf under the hall's CA certificate (copied from a real handshake): the signature fails.
    expect(certificateVerdict({ hostname: '192.168.1.10', certificate: presented(mitm.certPem, hallCa.certPem) }, pin, now)).toBe(
      VERIFY.refuse,
    );
    // The hall's own certificate for another name, or expired, is no proof either.
    const elsewhere = await issueServerCertificate(hallCa, { dns: [], ips: ['192.168.1.99'] }, now, 365);
    expect(
      certificateVerdict({ hostname: '192.168.1.10', certificate: presented(elsewhere.certPem, hallCa.certPem) }, pin, now),
    ).toBe(VERIFY.refuse);
    expect(certificateVerdict(genuine, pin, new Date(now.getTime() + 400 * 86_400_000))).toBe(VERIFY.refuse);
    // A self-signed certificate alone, or garbage, is refused.
    expect(certificateVerdict({ hostname: '192.168.1.10', certificate: { data: hallCa.certPem } }, pin, now)).toBe(VERIFY.refuse);
    expect(certificateVerdict({ hostname: '192.168.1.10', certificate: { data: 'not a certificate' } }, pin, now)).toBe(
      VERIFY.refuse,
    );
  });

  it('leaves every other host, and a terminal without a pinned hall, to Chromium’s own verification', async () => {
    const now = new Date();
    const other = await impostorCertificate();
    const request = { hostname: 'updates.example.gov.cn', certificate: presented(other.server.certPem, other.ca.certPem) };
    const pin = { hostname: '192.168.1.10', caFingerprint: certificateFingerprint(other.ca.certPem) };
    expect(certificateVerdict(request, pin, now)).toBe(VERIFY.chromium);
    expect(certificateVerdict({ ...request, hostname: '192.168.1.10' }, null, now)).toBe(VERIFY.chromium);
    expect(hallPinOf({ hallUrl: 'http://127.0.0.1:7300', caFingerprint: null })).toBeNull();
  });
});
