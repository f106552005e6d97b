/**
 * The real loc files for tests that word codes outside a component (`src/ui/shell/texts.ts` takes
 * the strings object): loaded as SharePoint loads them, through their AMD `define` (see amdTransform.js).
 */
import * as danishStrings from 'MpkStrings';

/** `src/loc/da-dk.js`. */
export const danish: IMpkStrings = danishStrings;
/** `src/loc/en-us.js`. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const english: IMpkStrings = require('../../src/loc/en-us.js');
