import { describe, expect, it } from 'vitest';
import { PinHash } from '../../../contracts/auth';
import { HostError } from '../../../host/errors/host-error';
import { hashPin, isPinHash, isValidPin, PIN_SCRYPT, verifyPin } from '../../../host/auth/pin-hash';
import { PinPepper } from '../../../host/auth/pin-pepper';

describe('PIN hashing', () => {
  it('verifies the right PIN and rejects a wrong one', async () => {
    const stored = await hashPin('246810');
    expect(await verifyPin('246810', stored)).toBe(true);
    expect(await verifyPin('246811', stored)).toBe(false);
    expect(await verifyPin('2468100', stored)).toBe(false);
  });

  it('writes scrypt$N$r$p$salt$hash with a fresh salt each time, never the PIN', async () => {
    const a = await hashPin('13572468');
    const b = await hashPin('13572468');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13572468');
    const [scheme, n, r, p, salt, hash] = a.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', PIN_SCRYPT.N, PIN_SCRYPT.r, PIN_SCRYPT.p]);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(PIN_SCRYPT.saltLength);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(PIN_SCRYPT.keyLength);
    expect(PinHash.safeParse(a).success).toBe(true);
    expect(isPinHash(a)).toBe(true);
  });

  it('accepts only 6–12 digit PINs', async () => {
    expect(['123456', '123456789012'].every(isValidPin)).toBe(true);
    expect(['12345', '1234567890123', '12345a', '１２３４５６', ' 123456', ''].some(isValidPin)).toBe(false);
    await expect(hashPin('12ab56')).rejects.toBeInstanceOf(HostError);
    await expect(hashPin('12345')).rejects.toMatchObject({ code: 'invalid_request' });
    const stored = await hashPin('123456');
    expect(await verifyPin('12345a', stored)).toBe(false);
  });

  it('says no to malformed or unreasonably expensive stored hashes instead of throwing', async () => {
    const stored = await hashPin('123456');
    const [, , r, p, salt, hash] = stored.split('$');
    expect(await verifyPin('123456', 'not-a-hash')).toBe(false);
    expect(await verifyPin('123456', `bcrypt$16384$${r}$${p}$${salt}$${hash}`)).toBe(false);
    expect(await verifyPin('123456', `scrypt$1000$${r}$${p}$${salt}$${hash}`)).toBe(false); // not a power of two
    expect(await verifyPin('123456', `scrypt$${2 ** 24}$${r}$${p}$${salt}$${hash}`)).toBe(false); // too costly
  });

  it('reads the cost from the stored hash, so older or cheaper hashes keep working', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('654321', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPin('654321', stored)).toBe(true);
    expect(await verifyPin('654320', stored)).toBe(false);
  });
});

describe('PinPepper', () => {
  it('seals a plain hash without the PIN; only the same pepper verifies it', async () => {
    const plain = await hashPin('246810');
    const pepper = PinPepper.ephemeral();
    const sealed = pepper.seal(plain);
    expect(sealed).toMatch(/^scrypt-hmac\$/);
    expect(pepper.seal(sealed)).toBe(sealed);
    expect(await pepper.verify('246810', sealed)).toBe(true);
    expect(await pepper.verify('246811', sealed)).toBe(false);
    expect(await PinPepper.ephemeral().verify('246810', sealed)).toBe(false);
    // A plain hash (a config file's, an older host's) still verifies until it is sealed.
    expect(await pepper.verify('246810', plain)).toBe(true);
    expect(await verifyPin('246810', sealed)).toBe(false);
    expect(isPinHash(sealed)).toBe(false);
  });
});
