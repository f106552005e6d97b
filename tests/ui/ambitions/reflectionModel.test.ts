import type { IReflection } from '../../../src/domain/model';
import { conflictNoteFields, draftOf, mergeNote, noteFrom } from '../../../src/ui/ambitions/reflectionModel';

const saved: IReflection = { id: 7, clientKey: 'note-7', etag: '"1"', contribution: 'Lytte', meaning: 'Retning' };

describe('the notes form rules (reflectionModel)', () => {
  it('turns a note into the form and back, leaving empty answers out and keeping the saved item', () => {
    const draft = draftOf(saved);
    expect(draft).toEqual({ contribution: 'Lytte', meaning: 'Retning', ambitionKey: '', clientKey: 'note-7' });
    expect(draftOf(undefined)).toEqual({ contribution: '', meaning: '', ambitionKey: '', clientKey: '' });
    const note = noteFrom(saved, { ...draft, meaning: '  ', ambitionKey: 'gode-rammer' });
    expect(note).toMatchObject({ id: 7, etag: '"1"', contribution: 'Lytte', ambitionKey: 'gode-rammer' });
    expect(note.meaning).toBeUndefined();
    expect(noteFrom(undefined, { ...draft, clientKey: 'k' })).toMatchObject({ clientKey: 'k', contribution: 'Lytte' });
  });

  it('asks about the fields the data layer named, else about every field that differs', () => {
    const theirs = { ...saved, meaning: 'Deres' };
    const mine = { ...saved, meaning: 'Min', contribution: 'Mit bidrag' };
    expect(conflictNoteFields(['meaning', 'Title'], theirs, mine)).toEqual(['meaning']);
    expect(conflictNoteFields([], theirs, mine)).toEqual(['contribution', 'meaning']);
  });

  it('merges after a conflict: the choice where both changed, mine where only I did, theirs elsewhere', () => {
    const theirs = { ...saved, etag: '"2"', meaning: 'Deres', ambitionKey: 'gode-rammer' };
    const mine = { ...saved, meaning: 'Min', contribution: 'Mit bidrag' };
    expect(mergeNote(saved, mine, theirs, ['meaning'], { meaning: 'theirs' })).toEqual({
      ...theirs,
      contribution: 'Mit bidrag',
    });
    expect(mergeNote(saved, mine, theirs, ['meaning'], { meaning: 'mine' })).toMatchObject({
      etag: '"2"',
      meaning: 'Min',
      contribution: 'Mit bidrag',
      ambitionKey: 'gode-rammer',
    });
  });
});
