import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

/**
 * esbuild plugin: `mpk-loc:<locale>` → the AMD loc file as an ES module (SharePoint loads the same file);
 * `mpk-loc:card/<locale>` → the card's own strings (`src/loc/card/<locale>.js`).
 */
const locPlugin: esbuild.Plugin = {
  name: 'mpk-loc',
  setup(build) {
    build.onResolve({ filter: /^mpk-loc:/ }, (args) => ({
      path: path.join(root, 'src/loc', `${args.path.slice('mpk-loc:'.length)}.js`),
      namespace: 'mpk-loc',
    }));
    build.onLoad({ filter: /.*/, namespace: 'mpk-loc' }, (args) => ({
      contents: `let strings;\nfunction define(deps, factory) { strings = factory(); }\n${fs.readFileSync(args.path, 'utf8')}\nexport default strings;`,
      loader: 'js',
    }));
  },
};

/**
 * esbuild plugin: the browser bundle of `adaptive-expressions` 4.23 (what `adaptivecards-templating` expands
 * `${…}` with) takes its inlined `assert` polyfill as a module namespace (`zr(Kr)`) and then calls it as a function
 * ("v7 is not a function" as soon as a template is expanded in a browser). The polyfill's function itself (`ze`)
 * is what it means; the plugin puts it there. Node (jest, the ACE's tests) loads `lib/index.js` and is unaffected.
 */
const adaptiveExpressionsPlugin: esbuild.Plugin = {
  name: 'adaptive-expressions-assert',
  setup(build) {
    build.onLoad({ filter: /adaptive-expressions[\\/]lib[\\/]browser\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const fixed = source.split('(Qr(),zr(Kr))').join('(Qr(),ze)');
      return { contents: fixed, loader: 'js' };
    });
  },
};

/**
 * Bundles the preview page (the real components plus the stand-ins) into `preview/dist/preview.js`.
 * `production` builds React and Fluent in production mode, as SharePoint runs the web parts (the
 * benchmark's timings); otherwise development mode, with React's warnings (`npm start`, the tests).
 */
export async function buildPreview(options: { production?: boolean } = {}): Promise<string> {
  const outfile = path.join(root, 'preview/dist/preview.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'preview/main.tsx')],
    bundle: true,
    outfile,
    format: 'iife',
    target: 'es2020',
    sourcemap: true,
    minify: options.production === true,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': options.production ? '"production"' : '"development"' },
    plugins: [locPlugin, adaptiveExpressionsPlugin],
    logLevel: 'warning',
  });
  return outfile;
}
