// The preview bundles both AMD loc files through an esbuild plugin (see preview/build.ts).
declare module 'mpk-loc:da-dk' {
  const strings: IMpkStrings;
  export default strings;
}
declare module 'mpk-loc:en-us' {
  const strings: IMpkStrings;
  export default strings;
}
