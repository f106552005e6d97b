/**
 * Client-generated keys: an item gets its key before the first create attempt and keeps it on every
 * retry, and the list enforces unique keys — so a create that timed out can be retried safely.
 */

interface ICryptoLike {
  randomUUID?: () => string;
  getRandomValues?: <T extends ArrayBufferView | null>(array: T) => T;
}

function formatUuid(bytes: Uint8Array): string {
  // RFC 4122 version 4: set the version and variant bits.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] + 0x100).toString(16).slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new random v4 UUID: `crypto.randomUUID()` where available, else built from `crypto.getRandomValues`. */
export function newClientKey(): string {
  const crypto = (globalThis as { crypto?: ICryptoLike }).crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    // Last resort for old hosts only; uniqueness is still enforced by the list.
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return formatUuid(bytes);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value has the shape of a GUID/UUID (also used for Teams team ids). */
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
