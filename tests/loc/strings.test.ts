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

  it('give the Viva Connections card its own strings, with the same keys in Danish and English', () => {
    const cardDanish = loadLoc('card/da-dk.js');
    const cardEnglish = loadLoc('card/en-us.js');
    expect(keyPaths(cardEnglish).sort()).toEqual(keyPaths(cardDanish).sort());
    expect(cardDanish.title).toBe('Mine opgaver');
    expect(JSON.parse(fs.readFileSync(path.join(__dirname, '../tsconfig.json'), 'utf8')).include).toContain(
      '../src/loc/card/*.js',
    );
  });

  it('are type-checked against IMpkStrings by npm run typecheck (missing and extra keys fail)', () => {
    // The check itself is tsc's: each file opts in with // @ts-check, tests/tsconfig.json includes it,
    // and tests/loc/define.d.ts types define() so the factory must return exactly IMpkStrings.
    for (const file of ['da-dk.js', 'en-us.js']) {
      const source = fs.readFileSync(path.join(__dirname, '../../src/loc', file), 'utf8');
      expect(source.split('\n')[0]).toBe('// @ts-check');
    }
    const tsconfig = fs.readFileSync(path.join(__dirname, '../tsconfig.json'), 'utf8');
    expect(JSON.parse(tsconfig).include).toContain('../src/loc/*.js');
    const declaration = fs.readFileSync(path.join(__dirname, 'define.d.ts'), 'utf8');
    expect(declaration).toMatch(/declare function define<T extends IMpkStrings>\(/);
    expect(declaration).toMatch(/ExactStrings<T, IMpkStrings>/);
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

  it('word every code the domain and the data layer return', () => {
    const validation = danish.validation as Record<string, Record<string, unknown>>;
    expect(Object.keys(validation.messages)).toContain('containsCpr');
    expect(Object.keys(validation.fields)).toContain('leaderIds');
    expect(Object.keys(danish.dataErrors as object)).toContain('keyTaken');
    expect(Object.keys((danish.healthFindings as Record<string, object>).why)).toContain('readOthersNotes');
  });
});
