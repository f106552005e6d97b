/**
 * Pure helpers of "Egne noter": the form's draft and the note it stands for, and which fields a
 * conflict asks about. No React here.
 */
import { sameValue, type ConflictSide } from '../../domain/conflict';
import type { IReflection } from '../../domain/model';

/** What the notes form keeps in the browser. */
export interface IReflectionDraft {
  contribution: string;
  meaning: string;
  ambitionKey: string;
  clientKey: string;
}

/** The fields of a note the reader writes. */
export type NoteField = 'contribution' | 'meaning' | 'ambitionKey';
export const NOTE_FIELDS: readonly NoteField[] = ['contribution', 'meaning', 'ambitionKey'];

/** The form's values for a saved note (empty for none). */
export function draftOf(note: IReflection | undefined): IReflectionDraft {
  return {
    contribution: note?.contribution ?? '',
    meaning: note?.meaning ?? '',
    ambitionKey: note?.ambitionKey ?? '',
    clientKey: note?.clientKey ?? '',
  };
}

/** The note to save: the saved one (if any) with the form's values; empty answers are left out. */
export function noteFrom(base: IReflection | undefined, draft: IReflectionDraft): IReflection {
  return {
    ...(base || { clientKey: draft.clientKey }),
    contribution: draft.contribution.trim() === '' ? undefined : draft.contribution,
    meaning: draft.meaning.trim() === '' ? undefined : draft.meaning,
    ambitionKey: draft.ambitionKey === '' ? undefined : draft.ambitionKey,
  };
}

/**
 * The fields a conflict asks about: those the data layer named; if it named none we know, every
 * field in which the saved version and mine differ.
 */
export function conflictNoteFields(named: readonly string[], theirs: IReflection, mine: IReflection): NoteField[] {
  const known = NOTE_FIELDS.filter((f) => named.indexOf(f) >= 0);
  return known.length > 0 ? known : NOTE_FIELDS.filter((f) => !sameValue(theirs[f], mine[f]));
}

/**
 * The note to save after a conflict: the saved version (`theirs`), and per field — both changed it:
 * the reader's choice; only I changed it (from `base`): mine; only they did: theirs.
 */
export function mergeNote(
  base: IReflection | undefined,
  mine: IReflection,
  theirs: IReflection,
  conflicting: readonly NoteField[],
  choice: Record<string, ConflictSide>,
): IReflection {
  const merged: IReflection = { ...theirs };
  for (const field of NOTE_FIELDS) {
    const mineChanged = !sameValue(mine[field], base?.[field]);
    if (conflicting.indexOf(field) >= 0 ? choice[field] === 'mine' : mineChanged) merged[field] = mine[field];
  }
  return merged;
}
