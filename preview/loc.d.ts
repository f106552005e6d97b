// The preview bundles both AMD loc files through an esbuild plugin (see preview/build.ts).
declare module 'mpk-loc:da-dk' {
  const strings: IMpkStrings;
  export default strings;
}
declare module 'mpk-loc:en-us' {
  const strings: IMpkStrings;
  export default strings;
}
// The card "Mine opgaver" has its own strings (src/loc/card/<locale>.js), served by the same plugin.
declare module 'mpk-loc:card/da-dk' {
  const strings: IMpkCardStrings;
  export default strings;
}
declare module 'mpk-loc:card/en-us' {
  const strings: IMpkCardStrings;
  export default strings;
}
