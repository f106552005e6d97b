/** @jest-environment node */
/**
 * The jest projects (jest.config.js) split the tests without losing one: every test file under
 * tests/ is in exactly one project, `jest --listTests` lists just those, and the unit and component
 * projects (`npm run test:unit`, `test:component`) start no server, browser or toolchain.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { importsOf } from '../support/imports';

const ROOT = path.resolve(__dirname, '../..');
const PROJECTS = ['unit', 'component', 'contract', 'browser', 'build'];

/** `jest --listTests` for some projects (all when none is named), relative to the repository. */
function listTests(...projects: string[]): string[] {
  const args = ['node_modules/jest/bin/jest.js', '--listTests', '--json'];
  if (projects.length > 0) args.push('--selectProjects', ...projects);
  const out = execFileSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as string[]).map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort();
}

/** Every test file under tests/, found on disk. */
function testFilesOnDisk(): string[] {
  return (fs.readdirSync(path.join(ROOT, 'tests'), { recursive: true }) as string[])
    .map((name) => `tests/${name.split(path.sep).join('/')}`)
    .filter((name) => /\.test\.tsx?$/.test(name))
    .sort();
}

describe('the jest projects', () => {
  const byProject = new Map<string, string[]>();
  beforeAll(() => {
    for (const project of PROJECTS) byProject.set(project, listTests(project));
  });

  it('put every test file in exactly one project, and list no other', () => {
    const union = PROJECTS.flatMap((project) => byProject.get(project) as string[]).sort();
    expect(new Set(union).size).toBe(union.length);
    expect(union).toEqual(testFilesOnDisk());
    expect(listTests()).toEqual(union);
  });

  it('give each project its own tests', () => {
    expect(byProject.get('unit')).toEqual(
      expect.arrayContaining(['tests/domain/dates.test.ts', 'tests/teams/layers.test.ts']),
    );
    expect(byProject.get('component')).toEqual(
      expect.arrayContaining(['tests/ui/plan/PlanApp.test.tsx', 'tests/ui/shell/useViewLoader.test.tsx']),
    );
    expect(byProject.get('unit')?.filter((file) => file.endsWith('.tsx'))).toEqual([]);
    expect(byProject.get('contract')).toEqual(
      expect.arrayContaining(['tests/localsp/smoke.test.ts', 'tests/data/views.test.ts']),
    );
    expect(byProject.get('browser')).toEqual(expect.arrayContaining(['tests/browser/plan.test.ts']));
    expect(byProject.get('build')).toEqual(
      expect.arrayContaining(['tests/build/solution.test.ts', 'tests/build/projects.test.ts']),
    );
  });

  it('keep servers, browsers and the toolchain out of the unit and component projects', () => {
    // Relative imports as paths in the repository: localsp/ is the local SharePoint, localgraph/ the local Graph, tests/data/support starts it.
    const starts =
      /^(http|https|net|child_process|playwright.*|localsp\/.*|localgraph\/.*|tests\/localsp\/.*|tests\/localgraph\/.*|tests\/data\/support|tests\/browser\/.*)$/;
    const fast = (byProject.get('unit') as string[]).concat(byProject.get('component') as string[]);
    const offending = fast.flatMap((file) =>
      importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))
        .map((spec) =>
          spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec,
        )
        .map((spec) => spec.split(path.sep).join('/'))
        .filter((spec) => starts.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
