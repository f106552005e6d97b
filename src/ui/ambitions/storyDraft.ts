/**
 * Pure helpers of the story form (its own chunk, with the form): the draft kept in the browser and the
 * story it stands for. No React here.
 */
import type { Draft } from '../../domain/validation';
import type { IStory, StoryKind } from '../../domain/model';
import type { IFeedScope } from './storyModel';

/** What the story form keeps in the browser while it is being written. */
export interface IStoryDraft {
  title: string;
  /** Sanitised HTML from the editor. */
  body: string;
  kind: StoryKind | '';
  ambitionKey: string;
  /** The unit id as the picker holds it ('' for none). */
  unitId: string;
  /** Made before the first attempt to save and kept until it succeeds: a retried save never duplicates. */
  clientKey: string;
  /** The picture's alternative text and consent tick (kept; the picture's bytes are not: too big for the store). */
  pictureAlt?: string;
  pictureConsent?: boolean;
}

/** An empty story form, with the ambition or unit filled in when the web part shows only one. */
export function emptyStoryDraft(scope: IFeedScope): IStoryDraft {
  return {
    title: '',
    body: '',
    kind: '',
    ambitionKey: scope.ambitionKeys.length === 1 ? scope.ambitionKeys[0] : '',
    unitId: scope.unitIds.length === 1 ? String(scope.unitIds[0]) : '',
    clientKey: '',
  };
}

/** The form's values as the story the validator and the repository take. */
export function storyFromDraft(draft: IStoryDraft): Draft<IStory> & { clientKey: string } {
  return {
    title: draft.title.trim(),
    body: draft.body,
    kind: draft.kind === '' ? null : draft.kind,
    ambitionKey: draft.ambitionKey === '' ? null : draft.ambitionKey,
    unitId: draft.unitId === '' ? null : Number(draft.unitId),
    featured: false,
    recognitionCount: 0,
    clientKey: draft.clientKey,
    pictureAlt: draft.pictureAlt?.trim() || undefined,
    pictureConsent: draft.pictureConsent === true,
  };
}

/** The form's values for a story sent back for correction ("Ret og send igen"): as the author sent it. */
export function draftFromStory(story: IStory): IStoryDraft {
  return {
    title: story.title || '',
    body: story.body || '',
    kind: story.kind || '',
    ambitionKey: story.ambitionKey || '',
    unitId: story.unitId === undefined || story.unitId === null ? '' : String(story.unitId),
    clientKey: story.clientKey,
    pictureAlt: story.pictureAlt,
    pictureConsent: story.pictureConsent,
  };
}

/** The story as corrected: the author's fields from the form, the rest (key, picture, flags) as it was. */
export function correctedStory(original: IStory, draft: IStoryDraft, body: string): IStory {
  const fields = storyFromDraft(draft);
  return {
    ...original,
    title: draft.title.trim(),
    body,
    kind: fields.kind as StoryKind,
    ambitionKey: fields.ambitionKey as string,
    unitId: fields.unitId === null ? undefined : fields.unitId,
    pictureAlt: original.pictureUrl ? draft.pictureAlt?.trim() || undefined : undefined,
    pictureConsent: original.pictureUrl ? draft.pictureConsent === true : undefined,
  };
}
