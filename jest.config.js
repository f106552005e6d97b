'use strict';
// Five projects, so the fast part runs on its own (`npm run test:unit`, ~10 s); `npm test` runs all five.
//   unit      pure tests that start no server (`*.test.ts` outside the folders below; the default)
//   component React components in jsdom (`*.test.tsx` outside the folders below; ~1.5 min)
//   contract  HTTP against the local SharePoint (or the preview server) in node
//   browser   Playwright against the preview page
//   build     tests that run the toolchain (gulp, the Teams package, the bench)
// Components run in jsdom; anything that talks HTTP (PnPjs against the local SharePoint) opts into
// node with the `@jest-environment node` docblock, since jsdom has no fetch.
// tests/build/projects.test.ts checks that every test file lands in exactly one project.

/** What the contract, browser and build projects own under tests/: a folder, or one file. */
const OWNED = {
  contract: ['data', 'localsp', 'localgraph', 'reliability', 'contract', 'preview'],
  browser: ['browser'],
  build: ['build', 'bench', 'teams/manifest.test.ts'],
};
/** Tests in those folders that start no server and run no toolchain: they run with the unit tests. */
const PURE = [
  'data/errors.test.ts',
  'data/lazyRepository.test.ts',
  'data/mapping.test.ts',
  'data/partViews.test.ts',
  'data/readWorkbook.test.ts',
  'data/schema.test.ts',
  'data/viewImports.test.ts',
  'bench/ci.test.ts',
];

const isFile = (entry) => /\.test\.tsx?$/.test(entry);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchOf = (entry) => `<rootDir>/tests/${entry}${isFile(entry) ? '' : '/**/*.test.{ts,tsx}'}`;
const regexOf = (entry) => `${escape(entry)}${isFile(entry) ? '$' : '/'}`;
const pureRegex = PURE.map((entry) => `^<rootDir>/tests/${regexOf(entry)}`);
const ownedByOthers = Object.values(OWNED).flat().map(regexOf).join('|');
const pureEntries = PURE.map(regexOf).join('|');

/** The settings every project shares (a project does not inherit them from the root). */
const shared = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  transform: {
    '/src/loc/(card/)?[^/]+\\.js$': '<rootDir>/tests/support/amdTransform.js',
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    '^MpkStrings$': '<rootDir>/src/loc/da-dk.js',
    '^MpkCardStrings$': '<rootDir>/src/loc/card/da-dk.js',
    '^@microsoft/sp-webpart-base$': '<rootDir>/tests/stubs/sp-webpart-base.ts',
    '^@microsoft/sp-property-pane$': '<rootDir>/tests/stubs/sp-property-pane.ts',
    '^@(msinternal|ms)/.*$': '<rootDir>/tests/stubs/empty.js',
    '\\.(css|scss)$': 'identity-obj-proxy',
    // The Adaptive Cards renderer's carousel imports swiper, an ES module package: its UMD bundle loads in jest.
    '^swiper$': '<rootDir>/node_modules/swiper/swiper-bundle.js',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
};

module.exports = {
  // Two cores run jsdom, Chromium and local SharePoint servers side by side: 5 s is too tight.
  // (A global option in jest 30: projects cannot set their own.)
  testTimeout: 30000,
  projects: [
    // Outside the folders the others own: pure tests (`.test.ts`, seconds) and components (`.test.tsx`).
    ...[
      ['unit', '<rootDir>/tests/**/*.test.ts'],
      ['component', '<rootDir>/tests/**/*.test.tsx'],
    ].map(([name, match]) => ({
      ...shared,
      displayName: name,
      testMatch: [match],
      testPathIgnorePatterns: ['/node_modules/', `^<rootDir>/tests/(?!(?:${pureEntries}))(?:${ownedByOthers})`],
    })),
    ...Object.entries(OWNED).map(([name, entries]) => ({
      ...shared,
      displayName: name,
      testMatch: entries.map(matchOf),
      testPathIgnorePatterns: ['/node_modules/', ...pureRegex],
    })),
  ],
};
