import { readFileSync } from 'node:fs';

export type FixtureName = 'resident' | 'hmt_J' | 'foreign2017_I' | 'foreign2023_Y';

/** A fixture frame (synthetic `30 01` reply) as bytes. */
export function loadFixture(name: FixtureName): Uint8Array {
  const hex = readFileSync(new URL(`../../fixtures/idcard/${name}.hex`, import.meta.url), 'utf8').trim();
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}
