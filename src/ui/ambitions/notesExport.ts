/**
 * "Hent mine noter": one's own notes as a plain text file (the two questions with their answers and
 * the ambition), made in the browser from what is saved — nothing is sent anywhere.
 */
import type { IReflection } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';

/** The words the file needs. */
export interface INotesExportContext {
  strings: IMpkStrings;
  ambitions: readonly IAmbition[];
}

/** The file's name. */
export const NOTES_EXPORT_NAME = 'egne-noter.txt';

/** The file's text. */
export function notesText(note: IReflection, context: INotesExportContext): string {
  const { strings } = context;
  const q = strings.reflectionQuestions;
  const ambition = note.ambitionKey
    ? (context.ambitions.find((a) => a.key === note.ambitionKey)?.title ?? note.ambitionKey)
    : strings.reflections.noAmbition;
  return [
    strings.reflections.formLabel,
    '',
    q.contribution,
    note.contribution ?? '',
    '',
    q.meaning,
    note.meaning ?? '',
    '',
    strings.reflections.ambitionLabel,
    ambition,
    '',
  ].join('\r\n');
}

/** Hands the notes to the browser as a download. */
export function downloadNotes(note: IReflection | undefined, context: INotesExportContext): void {
  if (!note) return;
  const blob = new Blob([`\ufeff${notesText(note, context)}`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = NOTES_EXPORT_NAME;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
