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

/** The Viva Connections card's own strings, `src/loc/card/da-dk.js` and `en-us.js`. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const cardDanish: IMpkCardStrings = require('../../src/loc/card/da-dk.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const cardEnglish: IMpkCardStrings = require('../../src/loc/card/en-us.js');
