/** Naming rules SharePoint applies to lists, columns and their OData names. */
import { randomUUID } from 'crypto';

/** A new lower-case GUID. */
export function newGuid(): string {
  return randomUUID();
}

/**
 * Encodes a display name the way SharePoint builds internal and entity names: letters, digits and
 * `_` stay, every other character becomes `_xHHHH_` (lower-case hex of the UTF-16 unit), so a space is
 * `_x0020_` and "å" is `_x00e5_` (reference §2).
 */
export function encodeXmlName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (/^[A-Za-z0-9_]$/.test(ch)) {
      out += ch;
      continue;
    }
    for (let i = 0; i < ch.length; i++) {
      out += `_x${ch.charCodeAt(i).toString(16).padStart(4, '0')}_`;
    }
  }
  // An XML name cannot start with a digit; SharePoint escapes it the same way.
  if (/^[0-9]/.test(out)) {
    out = `_x${out.charCodeAt(0).toString(16).padStart(4, '0')}_${out.slice(1)}`;
  }
  return out;
}

/** Max length of an internal name; SharePoint cuts the encoded name at 32 characters. */
export const INTERNAL_NAME_MAX = 32;

/**
 * The internal name for a new column: encoded title cut at 32 characters — also in the middle of an
 * `_xHHHH_` escape, as SharePoint does (`Hvordan_x0020_kan_x0020_jeg_x002`; UNCONFIRMED beyond the
 * common examples) — then a counter suffix while the name is taken.
 */
export function internalNameFor(title: string, taken: (name: string) => boolean): string {
  const base = cutEncoded(encodeXmlName(title), INTERNAL_NAME_MAX);
  if (!taken(base)) return base;
  for (let i = 0; ; i++) {
    const suffix = String(i);
    const candidate = cutEncoded(base, INTERNAL_NAME_MAX - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

function cutEncoded(name: string, max: number): string {
  return name.length <= max ? name : name.slice(0, max);
}

/** Entity type name of a new list: encoded title + "List" (reference §2: "AddListViaBatchRest" → "AddListViaBatchRestList"). */
export function entityTypeNameFor(title: string): string {
  return `${encodeXmlName(title)}List`;
}

/** The OData property name of a column: internal names starting with `_` get the `OData_` prefix (`_ModerationStatus` → `OData__ModerationStatus`). */
export function odataName(internalName: string): string {
  return internalName.startsWith('_') ? `OData_${internalName}` : internalName;
}

/** The internal name behind an OData property name (inverse of odataName). */
export function internalFromOData(name: string): string {
  return name.startsWith('OData_') ? name.slice('OData_'.length) : name;
}

/** SharePoint's date format in JSON: UTC, whole seconds, `Z` (reference §2). */
export function spDate(d: Date | number | string): string {
  const date = d instanceof Date ? d : new Date(d);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The claims login name of a member e-mail (`i:0#.f|membership|<email>`). */
export function loginNameFor(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

/** The e-mail inside a claims login name, or the input when it is not one. */
export function emailFromLogin(login: string): string {
  const m = /^i:0#\.f\|membership\|(.+)$/i.exec(login.trim());
  return (m ? m[1] : login).trim().toLowerCase();
}
