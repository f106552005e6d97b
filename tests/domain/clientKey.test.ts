import { isGuid, newClientKey } from '../../src/domain';

describe('client keys make retried creates safe', () => {
  const originalCrypto = globalThis.crypto;
  afterEach(() =>
    Object.defineProperty(globalThis, 'crypto', { value: originalCrypto, configurable: true, writable: true }),
  );

  it('are v4 UUIDs and differ every time', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const key = newClientKey();
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      keys.add(key);
    }
    expect(keys.size).toBe(1000);
  });

  it('use crypto.randomUUID when the host has it', () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: { randomUUID: () => '11111111-2222-4333-8444-555555555555' },
      configurable: true,
      writable: true,
    });
    expect(newClientKey()).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('fall back to crypto.getRandomValues where randomUUID is missing', () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff) },
      configurable: true,
      writable: true,
    });
    expect(newClientKey()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(isGuid(newClientKey())).toBe(true);
  });
});
