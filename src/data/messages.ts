/**
 * The codes the data layer reports when SharePoint says no. The words for them are in `src/loc`
 * (`dataErrors`, typed by `DataErrorReason`); the UI shows them with `dataErrorText` (`src/ui/shell/texts.ts`).
 */

/** The kinds of failure a repository reports; the UI decides what to offer from the kind. */
export type DataErrorKind =
  'notFound' | 'conflict' | 'forbidden' | 'throttled' | 'invalid' | 'notProvisioned' | 'network';

/** The finer cause, which picks the message. */
export type DataErrorReason =
  | DataErrorKind
  | 'threshold'
  | 'duplicate'
  | 'server'
  | 'listMissing'
  | 'userNotFound'
  | 'personNotFound'
  | 'keyTaken'
  | 'filterTooLong'
  | 'unitNotYours'
  | 'channelOfOtherUnit'
  | 'channelTaken'
  | 'notesUnavailable'
  | 'notesThrottled';
