import * as fs from 'fs';
import * as path from 'path';

/** Loads an AMD loc file the way SharePoint does: by calling its define() factory. */
function loadLoc(file: string): Record<string, unknown> {
  const source = fs.readFileSync(path.join(__dirname, '../../src/loc', file), 'utf8');
  let result: Record<string, unknown> = {};
  const define = (_deps: string[], factory: () => Record<string, unknown>): void => {
    result = factory();
  };
  new Function('define', source)(define);
  return result;
}

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.keys(value).flatMap((key) =>
    keyPaths((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key),
  );
}

describe('the loc files', () => {
  const danish = loadLoc('da-dk.js');
  const english = loadLoc('en-us.js');

  it('have exactly the same keys in Danish and English', () => {
    expect(keyPaths(english).sort()).toEqual(keyPaths(danish).sort());
  });

  it('have every key declared in mystrings.d.ts', () => {
    const declaration = fs.readFileSync(path.join(__dirname, '../../src/loc/mystrings.d.ts'), 'utf8');
    for (const key of keyPaths(danish)) {
      const leaf = key.split('.').pop() as string;
      expect(declaration).toMatch(new RegExp(`\\b${leaf}: string;`));
    }
  });

  it('have no empty string and no English left in the Danish file', () => {
    const values = keyPaths(danish).map((key) =>
      key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], danish),
    );
    for (const value of values) {
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
    expect(values).not.toContain((english.common as Record<string, string>).loading);
  });
});
