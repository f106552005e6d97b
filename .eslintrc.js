require('@rushstack/eslint-config/patch/modern-module-resolution');

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname, project: ['./tsconfig.json', './tests/tsconfig.json'] },
  ignorePatterns: ['lib/', 'temp/', 'dist/', 'release/', 'node_modules/', '*.js', '*.mjs'],
  overrides: [
    {
      files: ['*.ts', '*.tsx'],
      rules: {
        '@typescript-eslint/explicit-function-return-type': ['warn', { allowExpressions: true }],
        '@typescript-eslint/no-explicit-any': 'error',
        'react-hooks/rules-of-hooks': 'error',
        'react-hooks/exhaustive-deps': 'warn',
      },
    },
    {
      // Tests, the local SharePoint and the preview never ship; node-style code is fine there.
      files: ['tests/**', 'localsp/**', 'localgraph/**', 'preview/**'],
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@microsoft/spfx/pair-react-dom-render-unmount': 'off',
      },
    },
  ],
};
