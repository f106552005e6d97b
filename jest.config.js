'use strict';
// Components run in jsdom; anything that talks HTTP (PnPjs against the local SharePoint) opts into
// node with the `@jest-environment node` docblock, since jsdom has no fetch.
module.exports = {
  testEnvironment: 'jsdom',
  // Two cores run jsdom, Chromium and local SharePoint servers side by side: 5 s is too tight.
  testTimeout: 30000,
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '/src/loc/[^/]+\\.js$': '<rootDir>/tests/support/amdTransform.js',
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    '^MpkStrings$': '<rootDir>/src/loc/da-dk.js',
    '^@microsoft/sp-webpart-base$': '<rootDir>/tests/stubs/sp-webpart-base.ts',
    '^@microsoft/sp-property-pane$': '<rootDir>/tests/stubs/sp-property-pane.ts',
    '^@(msinternal|ms)/.*$': '<rootDir>/tests/stubs/empty.js',
    '\\.(css|scss)$': 'identity-obj-proxy',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
};
