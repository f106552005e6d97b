// Apart from `validation.ts`, so that a first view that shows links does not carry the validation.

/** Whether a value is an absolute http or https URL (the only links we store). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
