/**
 * A story's picture in "MPK Billeder" (a document library with content approval, schema v9): upload,
 * columns, and removal. Loaded on the first write with a picture (a chunk of its own): the feed only
 * reads the story's picture columns, so the first view carries neither this nor PnPjs's files module.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import type { IStory } from '../../domain/model';
import { httpStatus, retryThrottled, toDataError } from '../errors';
import { listTitle } from '../schema/lists';
import { inBatch, listItems, settle } from './query';

/** SharePoint's code for "A file with the name … already exists" (AddUsingPath with Overwrite=false). */
const FILE_EXISTS = '-2130575257';

/** The file's name: the story's client key, so a retried save finds the file it uploaded before. */
export function pictureFileName(clientKey: string): string {
  return `${clientKey.replace(/[^A-Za-z0-9_-]/g, '')}.jpg`;
}

function isFileExists(error: unknown): boolean {
  const text = (error as { message?: string } | null)?.message ?? '';
  return text.indexOf(FILE_EXISTS) >= 0 || /already exists/i.test(text);
}

/**
 * Uploads the prepared picture (a JPEG the browser made), sets its columns (the story's key, the
 * alternative text, the consent) and returns what the story links to. A retry after a lost answer
 * does not upload twice: the name is taken, and the file already there is used.
 */
export async function uploadStoryPicture(
  sp: SPFI,
  story: IStory,
  picture: Blob,
): Promise<Pick<IStory, 'pictureUrl' | 'pictureId'>> {
  const folder = sp.web.lists.getByTitle(listTitle('pictures')).rootFolder;
  const name = pictureFileName(story.clientKey);
  try {
    let url: string;
    try {
      url = (await retryThrottled(() => folder.files.addUsingPath(name, picture, { Overwrite: false })))
        .ServerRelativeUrl;
    } catch (error) {
      if (!isFileExists(error)) throw error;
      const root = await retryThrottled(() => folder.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>());
      url = `${root.ServerRelativeUrl}/${name}`;
    }
    const item = await retryThrottled(() =>
      sp.web.getFileByServerRelativePath(url).listItemAllFields.select('Id')<{ Id: number }>(),
    );
    await retryThrottled(() =>
      listItems(sp, 'pictures')
        .getById(item.Id)
        .update({ StoryKey: story.clientKey, AltText: story.pictureAlt ?? '', Consent: story.pictureConsent === true }),
    );
    return { pictureUrl: url, pictureId: item.Id };
  } catch (error) {
    throw toDataError(error);
  }
}

/** Deletes a story's picture (gone already is fine). */
export async function removeStoryPicture(sp: SPFI, pictureId: number): Promise<void> {
  try {
    await retryThrottled(() => listItems(sp, 'pictures').getById(pictureId).delete());
  } catch (error) {
    if (httpStatus(error) !== 404) throw toDataError(error);
  }
}

/**
 * Approves or rejects a story and its picture in one `$batch` (SharePoint refuses other columns beside
 * the status, so each is its own MERGE). The story's MERGE carries its ETag; a picture deleted meanwhile
 * leaves the story's decision standing. Errors are thrown as PnPjs gave them (the caller maps a 412).
 */
export async function moderateWithPicture(
  sp: SPFI,
  storyId: number,
  body: Record<string, unknown>,
  ifMatch: string,
  pictureId: number,
): Promise<void> {
  const [storyWrite, pictureWrite] = await inBatch(sp, (b) => [
    settle(listItems(b, 'stories').getById(storyId).update(body, ifMatch)),
    settle(
      listItems(b, 'pictures').getById(pictureId).update({ OData__ModerationStatus: body.OData__ModerationStatus }),
    ),
  ]);
  const [storyResult, pictureResult] = [await storyWrite, await pictureWrite];
  if (!storyResult.ok) throw storyResult.error;
  if (!pictureResult.ok && httpStatus(pictureResult.error) !== 404) throw pictureResult.error;
}
