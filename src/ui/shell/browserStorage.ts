/** The browser's localStorage, guarded because private modes, blocked storage and tests may lack it. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}
