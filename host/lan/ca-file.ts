import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { ConfigError } from '../config/load-config';
import { tlsFetch } from './tls-fetch';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM file, each checked; a missing or unreadable file names the setting. */
export function readCaFile(file: string, setting: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${setting}: cannot read ${file}: ${(error as Error).message}`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new ConfigError(`${setting}: ${file} holds no PEM certificate`);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new ConfigError(`${setting}: ${file} holds a certificate that cannot be read: ${(error as Error).message}`);
    }
  }
  return blocks;
}

/**
 * The fetch of the central API's calls: the global one, or, with `centralApi.caFile`, one that
 * trusts that file's CAs besides the system's (a province may run its own CA).
 */
export function centralFetch(caFile: string | undefined): typeof fetch | undefined {
  if (caFile === undefined) return undefined;
  const trusting = tlsFetch({ tls: { ca: [...rootCertificates, ...readCaFile(caFile, 'centralApi.caFile')] } });
  // Plain http is left only to this machine (contracts/config.ts): the global fetch serves it.
  return (input, init) => (String(input).startsWith('https:') ? trusting(input, init) : fetch(input, init));
}
