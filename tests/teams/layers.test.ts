/** @jest-environment node */
/**
 * The layers' imports: the Teams adapter (src/teams) knows only teams-js — no UI, no data layer —
 * and the domain (src/domain) stays pure: no React, Fluent UI, PnPjs or SPFx, nothing from src/data
 * or src/ui. Every import counts here, `import type` and `import()` too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importsOf } from '../support/imports';

const SRC = path.resolve(__dirname, '../../src');

/** The source files under a folder of src/. */
function sourceFiles(folder: string): string[] {
  const root = path.join(SRC, folder);
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(root, name));
}

/** "file: import" for every import of the files under `folder` that `allowed` refuses; relative imports as `src/…`. */
function refused(folder: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(fs.readFileSync(file, 'utf8'))
      .map((spec) => (spec.startsWith('.') ? `src/${path.relative(SRC, path.resolve(path.dirname(file), spec))}` : spec))
      .map((target) => target.split(path.sep).join('/'))
      .filter((target) => !allowed(target))
      .map((target) => `${path.relative(SRC, file)}: ${target}`),
  );
}

describe('import rules between the layers', () => {
  it('reads every kind of import (the check itself works)', () => {
    const text = [
      "import type { app } from '@microsoft/teams-js';",
      'import {\n  a,\n  b,\n} from "../ui/shell/theme";',
      "export { c } from '../data/errors';",
      "import '../ui/side-effect';",
      "const m = import(/* webpackChunkName: 'x' */ '../ui/lazy');",
      "const r = require('react');",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(
      ['../data/errors', '../ui/lazy', '../ui/shell/theme', '../ui/side-effect', '@microsoft/teams-js', 'react'].sort(),
    );
  });

  it('finds the imports the adapter and the domain do have', () => {
    expect(importsOf(fs.readFileSync(path.join(SRC, 'teams/teamsHost.ts'), 'utf8'))).toContain('@microsoft/teams-js');
    expect(importsOf(fs.readFileSync(path.join(SRC, 'domain/dates.ts'), 'utf8'))).toContain('./locale');
  });

  it('keeps the Teams adapter to teams-js and its own folder (no src/ui, no src/data)', () => {
    expect(sourceFiles('teams').length).toBeGreaterThan(0);
    expect(refused('teams', (target) => target === '@microsoft/teams-js' || target.startsWith('src/teams/'))).toEqual([]);
  });

  it('keeps the domain pure: no React, Fluent UI, PnPjs or SPFx, nothing from src/data or src/ui', () => {
    const impure = /^(react|react-dom|@fluentui\/|@pnp\/|@microsoft\/sp-|@microsoft\/teams-js|MpkStrings$)/;
    expect(
      refused('domain', (target) =>
        target.startsWith('src/') ? target.startsWith('src/domain/') : !impure.test(target),
      ),
    ).toEqual([]);
  });

  it('keeps the Viva Connections card off React, Fluent UI, the UI layer and Microsoft Graph (its 40 KB and one request)', () => {
    expect(sourceFiles('adaptiveCardExtensions').length).toBeGreaterThan(0);
    const heavy = /^(react|react-dom|@fluentui\/|@pnp\/graph|@microsoft\/sp-http-msgraph|MpkStrings$)/;
    expect(
      refused('adaptiveCardExtensions', (target) =>
        target.startsWith('src/')
          ? !target.startsWith('src/ui/') && !target.startsWith('src/data/notifications/spfxGraph')
          : !heavy.test(target),
      ),
    ).toEqual([]);
  });
});
