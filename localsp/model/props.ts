/**
 * Reading typed values out of JSON bodies the way SharePoint's OData reader does: a wrong JSON type is a
 * 400 with the OData reader's own wording.
 */
import { invalidValue, SpError } from '../http/errors';
import type { JsonObject, JsonValue } from './types';

/** The EDM types SharePoint's reader checks. */
export type EdmType = 'Edm.String' | 'Edm.Boolean' | 'Edm.Int32' | 'Edm.Double' | 'Edm.DateTime' | 'Edm.Guid';

/** 400 for a primitive that does not convert (OData reader wording). */
export function cannotConvert(edm: string): SpError {
  return invalidValue(
    `Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details.`,
  );
}

/** 400 for an array or object where a primitive was expected (OData reader wording). */
export function notPrimitive(node: 'StartArray' | 'StartObject'): SpError {
  return invalidValue(
    `A node of type '${node}' was read from the JSON reader when trying to read a value of a property; however, a 'PrimitiveValue' or 'StartObject' node was expected.`,
  );
}

/** Reads a primitive of the EDM type; null stays null. */
export function readPrimitive(value: JsonValue | undefined, edm: EdmType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) throw notPrimitive('StartArray');
  if (typeof value === 'object') throw notPrimitive('StartObject');
  switch (edm) {
    case 'Edm.String':
    case 'Edm.Guid':
      if (typeof value === 'string') return value;
      // OData JSON Light accepts numbers and booleans for strings (they are written as their text).
      return String(value);
    case 'Edm.Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw cannotConvert(edm);
    case 'Edm.Int32': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^-?\d+$/.test(value.trim())
            ? Number(value)
            : NaN;
      if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648) throw cannotConvert(edm);
      return n;
    }
    case 'Edm.Double': {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw cannotConvert(edm);
      return n;
    }
    case 'Edm.DateTime': {
      if (typeof value !== 'string') throw cannotConvert(edm);
      const t = Date.parse(value);
      if (Number.isNaN(t)) throw cannotConvert(edm);
      return value;
    }
  }
}

/** Reads a string collection: a JSON array, or `{results: [...]}` in a verbose body. */
export function readStringCollection(value: JsonValue | undefined, verbose: boolean): string[] | null {
  if (value === null || value === undefined) return null;
  const arr = collectionArray(value, verbose);
  return arr.map((v) => {
    const p = readPrimitive(v, 'Edm.String');
    if (p === null) throw cannotConvert('Edm.String');
    return String(p);
  });
}

/** Reads an Int32 collection: a JSON array, or `{results: [...]}` in a verbose body. */
export function readIntCollection(value: JsonValue | undefined, verbose: boolean): number[] | null {
  if (value === null || value === undefined) return null;
  const arr = collectionArray(value, verbose);
  return arr.map((v) => {
    const p = readPrimitive(v, 'Edm.Int32');
    if (p === null) throw cannotConvert('Edm.Int32');
    return p as number;
  });
}

function collectionArray(value: JsonValue, verbose: boolean): JsonValue[] {
  if (Array.isArray(value)) return value;
  if (verbose && value && typeof value === 'object' && Array.isArray((value as JsonObject).results)) {
    return (value as JsonObject).results as JsonValue[];
  }
  if (typeof value === 'object')
    throw invalidValue(
      "A node of type 'StartObject' was read from the JSON reader when trying to read the start of a collection; however, a 'StartArray' node was expected.",
    );
  throw invalidValue(
    "A node of type 'PrimitiveValue' was read from the JSON reader when trying to read the start of a collection; however, a 'StartArray' node was expected.",
  );
}

/** The body's properties without OData annotations (`__metadata`, `odata.type`). */
export function bodyProperties(body: JsonObject): [string, JsonValue][] {
  return Object.entries(body).filter(([k]) => k !== '__metadata' && !k.startsWith('odata.') && !k.includes('@odata.'));
}

/** The type a body names (`__metadata.type` or `odata.type`), if any. */
export function bodyType(body: JsonObject): string | undefined {
  const meta = body.__metadata;
  if (meta && typeof meta === 'object' && !Array.isArray(meta) && typeof meta.type === 'string') return meta.type;
  const t = body['odata.type'];
  return typeof t === 'string' ? t : undefined;
}
