/**
 * A story's optional picture: which files are taken (an image of at most 10 MB that decodes), what must
 * come with it (alternative text and the consent tick), and the size it is redrawn at in the browser
 * (at most 1600 px on the long side). Codes, never text (the words are in `src/loc`).
 */
import type { IValidationError } from './messages';
import { findCprNumbers } from './cpr';

/** The largest file the form takes, checked before it is decoded. */
export const PICTURE_MAX_BYTES = 10 * 1024 * 1024;
/** The long side of the picture as uploaded. */
export const PICTURE_MAX_EDGE = 1600;
/** The alternative text's limit (a single-line column). */
export const PICTURE_ALT_MAX = 255;

/** What the form knows of a chosen file before decoding it. */
export interface IChosenFile {
  size: number;
  /** MIME type as the browser reports it ('' when it does not know). */
  type: string;
}

/** Refuses a file that is too large or not an image, before it is decoded (field `picture`). */
export function checkPictureFile(file: IChosenFile): IValidationError[] {
  if (file.size > PICTURE_MAX_BYTES)
    return [
      {
        field: 'picture',
        code: 'pictureTooLarge',
        params: { maxMb: PICTURE_MAX_BYTES / 1024 / 1024, actualMb: Math.ceil((file.size / 1024 / 1024) * 10) / 10 },
      },
    ];
  if (!/^image\//i.test(file.type)) return [{ field: 'picture', code: 'pictureNotImage' }];
  return [];
}

/** The size a picture is drawn at: the long side at most `max`, the aspect kept, never enlarged. */
export function scaledSize(width: number, height: number, max = PICTURE_MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * With a picture, the alternative text (plain, no CPR number, ≤ 255) and the consent tick are required;
 * without one, neither is asked for.
 */
export function validateStoryPicture(
  hasPicture: boolean,
  alt: string | undefined,
  consent: boolean | undefined,
): IValidationError[] {
  if (!hasPicture) return [];
  const errors: IValidationError[] = [];
  const text = (alt ?? '').trim();
  if (text === '') errors.push({ field: 'pictureAlt', code: 'pictureAltRequired' });
  else if (text.length > PICTURE_ALT_MAX)
    errors.push({ field: 'pictureAlt', code: 'tooLong', params: { max: PICTURE_ALT_MAX, actual: text.length } });
  else {
    const cpr = findCprNumbers(text);
    if (cpr.length > 0) errors.push({ field: 'pictureAlt', code: 'containsCpr', params: { masked: cpr.join(', ') } });
  }
  if (consent !== true) errors.push({ field: 'pictureConsent', code: 'pictureConsentRequired' });
  return errors;
}
