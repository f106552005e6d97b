import type { IReflection } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';

/** Props of {@link ReflectionNotes}. */
export interface IReflectionNotesProps {
  /** The ambitions a note may be about (the notes themselves load when the section is shown). */
  ambitions: readonly IAmbition[];
}

/** Props of the notes form (one saved version of the note). */
export interface IReflectionFormProps {
  userId: number;
  saved?: IReflection;
  savedAt?: Date;
  ambitions: readonly IAmbition[];
  onSaved(note: IReflection): void;
}
