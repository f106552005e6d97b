/**
 * The AMD `define` as the loc files call it, declared for the type check only (`// @ts-check` in
 * `src/loc/*.js`, included by tests/tsconfig.json): the factory must return exactly `IMpkStrings`, so
 * `npm run typecheck` reports a missing key AND an extra key, per locale, at any depth (an optional
 * group, such as a field's own `messages`, is checked against its type when present).
 */
type ExactStrings<T, Shape> = T extends string
  ? T
  : { [K in keyof T]: K extends keyof Shape ? ExactStrings<T[K], NonNullable<Shape[K]>> : never };

declare function define<T extends IMpkStrings>(deps: string[], factory: () => T & ExactStrings<T, IMpkStrings>): void;
/** The card's strings file (`src/loc/card/*.js`): exactly `IMpkCardStrings`. */
declare function define<T extends IMpkCardStrings>(
  deps: string[],
  factory: () => T & ExactStrings<T, IMpkCardStrings>,
): void;
