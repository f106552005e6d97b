/** @jest-environment node */
/**
 * A web part's entry bundle carries its first view's loader and everything that loader imports (not
 * `import type`, not `import()`): the repository classes and the validation they run before a write
 * load later, with the repositories (`lazyRepository`, chunk `mpk-repositories`). This walks the
 * source's static imports the way the bundler does and checks that no view loader reaches them.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');

/** Relative modules a file imports statically (type-only imports and dynamic `import()` left out). */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(?!type\s)([^;]*?)\s*from\s*["']([^"']+)["']/gms;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [, , clause, spec] = match;
    if (!spec.startsWith('.')) continue;
    // `import { type A, type B } from` is erased as well.
    const names = /^\{([^}]*)\}$/.exec(clause.trim());
    if (names && names[1].split(',').every((name) => !name.trim() || name.trim().startsWith('type '))) continue;
    const base = path.resolve(path.dirname(file), spec);
    const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) =>
      fs.existsSync(candidate),
    );
    if (!resolved) throw new Error(`${path.relative(SRC, file)}: cannot resolve ${spec}`);
    found.push(resolved);
  }
  return found;
}

/** Every source file reached from `entry` through static imports, relative to src/. */
function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(SRC, entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const key = path.relative(SRC, file).split(path.sep).join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...staticImports(file));
  }
  return seen;
}

const WRITE_SIDE = [
  'data/repositories/stories.ts',
  'data/repositories/listRepository.ts',
  'data/repositories/plans.ts',
  'data/repositories/tasks.ts',
  'domain/validation.ts',
  'data/serviceSet.ts',
];

describe("the view loaders' static imports", () => {
  it('finds what a loader does import (the walk itself works)', () => {
    const files = reached('data/views/ambitionsView.ts');
    expect(files.has('data/repositories/storyReads.ts')).toBe(true);
    expect(files.has('data/repositories/query.ts')).toBe(true);
    expect(files.has('data/views/common.ts')).toBe(true);
    // Through a re-export too: stories.ts re-exports the shared reads.
    expect(reached('data/repositories/stories.ts').has('data/repositories/storyReads.ts')).toBe(true);
  });

  it.each(['data/views/ambitionsView.ts', 'data/views/planView.ts', 'data/views/followUpView.ts'])(
    '%s reaches no repository class and no validation',
    (loader) => {
      const files = reached(loader);
      expect(WRITE_SIDE.filter((file) => files.has(file))).toEqual([]);
    },
  );
});
