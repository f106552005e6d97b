/** Hverdagshistorier over "MPK Historier" (content approval on) and recognitions over "MPK Anerkendelser". */
import type { SPFI } from '@pnp/sp';
import { newClientKey } from '../../domain/clientKey';
import type { IRecognition, IStory } from '../../domain/model';
import type { sanitizeRichText } from '../../domain/richText';
import { validateModeration, validateRecognition, validateStory } from '../../domain/validation';
import { MODERATION_STATUS, recognitionKey } from '../../domain/workflow';
import {
  ConflictError,
  DataError,
  httpStatus,
  isThresholdError,
  isUnknownFieldError,
  retryThrottled,
  toDataError,
} from '../errors';
import { fromRow, type Row } from '../mapping/codec';
import { recognitionCodec, storyCodec } from '../mapping/entities';
import { ListRepository } from './listRepository';
import type { Notifier } from '../notifications/events';
import {
  allRows,
  fetchPage,
  inBatch,
  itemsQuery,
  lastPage,
  maxItemId,
  readPage,
  listItems,
  MAX_PAGE,
  pageOf,
  settle,
  type IRawPage,
} from './query';
import {
  countedFeedPage,
  isPending,
  isPublished,
  publishedStoryPage,
  recognitionCounts,
  recognitionTally,
  storyFeedSpec,
  TALLY_SPEC,
  windowedStoryPage,
  withCounts,
  type IRecognitionTally,
} from './storyReads';
import type { IModerateOptions, IPage, IRecognitionRepository, IStoryFilters, IStoryRepository } from './types';

// The reads shared with the view loaders live in `storyReads.ts` (kept out of the entry bundles).
export {
  countedFeedPage,
  isPending,
  isPublished,
  knows,
  publishedStoryPage,
  RECOGNITION_COUNT_SELECT,
  recognisers,
  recognitionTally,
  storyFeedSpec,
  storyFilter,
  TALLY_SPEC,
  tallyRecognitions,
  windowedStoryPage,
  type IRecognitionTally,
} from './storyReads';

/** `_ModerationStatus` is not indexed: this filter is only ever sent inside an id window (see `windowedPage`). */
const PENDING_FILTER = `OData__ModerationStatus eq ${MODERATION_STATUS.pending}`;

/** Windows of 5,000 ids in one pending page's `$batch` (SharePoint Online allows 20 requests per batch here). */
export const PENDING_WINDOWS_PER_BATCH = 20;

/**
 * One page of pending stories below an id: windows newest first, all in one `$batch`. A window that
 * holds more than a page stops the walk there (the next page starts below the last story shown);
 * a batch that found nothing goes on to the next 100,000 ids rather than show an empty page.
 */
async function pendingPage(sp: SPFI, pageSize: number, below: number): Promise<IPage<IStory>> {
  const found: IStory[] = [];
  let cursor = below;
  while (found.length === 0 && cursor > 1) {
    const windows: { low: number; page: Promise<IRawPage> }[] = [];
    const top = cursor;
    await inBatch(sp, (b) => {
      // A throttled batch is built again: its windows with it.
      windows.length = 0;
      for (let i = 0, high = top; i < PENDING_WINDOWS_PER_BATCH && high > 1; i++) {
        const low = Math.max(0, high - 1 - MAX_PAGE);
        const filter = `Id gt ${low} and Id lt ${high} and ${PENDING_FILTER}`;
        // One more than a page: a window that fills it says where the next page starts.
        const page = fetchPage(itemsQuery(b, storyCodec, { filter, orderBy: [['Id', false]], top: pageSize + 1 }));
        page.catch(() => undefined);
        windows.push({ low, page });
        high = low + 1;
      }
    });
    for (const window of windows) {
      const raw = await window.page;
      found.push(...raw.rows.map((row) => fromRow(storyCodec, row)).filter(isPending));
      cursor = window.low + 1;
      if (found.length > pageSize) break;
    }
  }
  const items = found.slice(0, pageSize);
  // Everything above the last story shown has been seen; below it there may be more.
  if (found.length > pageSize) cursor = items[items.length - 1].id as number;
  const hasMore = cursor > 1;
  return {
    items,
    hasMore,
    nextPage: () => (hasMore ? pendingPage(sp, pageSize, cursor) : Promise.resolve(lastPage<IStory>())),
  };
}

// DOMPurify is only needed to write a story: it loads then (a chunk of its own), so web parts that
// only read — the plan, the follow-up — do not ship it in their first view.
let sanitizer: typeof sanitizeRichText | undefined;

async function loadSanitizer(): Promise<void> {
  if (!sanitizer)
    sanitizer = (await import(/* webpackChunkName: 'mpk-richtext' */ '../../domain/richText')).sanitizeRichText;
}

function sanitize(html: string): string {
  if (!sanitizer)
    throw new Error('StoryRepository: the sanitiser is loaded by create/update before a story is prepared');
  return sanitizer(html);
}

/** Stories over "MPK Historier". */
export class StoryRepository extends ListRepository<IStory> implements IStoryRepository {
  public constructor(
    sp: SPFI,
    private readonly notifier?: Notifier,
  ) {
    super(sp, storyCodec, {
      validate: (story) => validateStory(story),
      // Stored as sanitised HTML, and validated as stored.
      prepare: (story) => ({ ...story, body: sanitize(story.body) }),
    });
  }

  /**
   * Creates a story (sanitised first: the sanitiser loads on the first write). Never featured:
   * `Featured` is the approvers' (`moderate`, `setFeatured`), whatever the author sends.
   */
  public async create(story: IStory, picture?: Blob): Promise<IStory> {
    await loadSanitizer();
    // The key names the picture's file too, so it is made here when the caller has none.
    const clientKey = story.clientKey || newClientKey();
    const base: IStory = { ...story, clientKey, featured: false, pictureUrl: undefined, pictureId: undefined };
    if (!picture) return super.create({ ...base, pictureAlt: undefined, pictureConsent: undefined });
    // The picture first (named by the story's key, so a retry finds it), then the story that links it.
    const { uploadStoryPicture } = await import(/* webpackChunkName: 'mpk-story-picture' */ './storyPictures');
    return super.create({ ...base, ...(await uploadStoryPicture(this.sp, base, picture)) });
  }

  /** Saves a story's changed columns (sanitised first); `featured` stays as it was (see `setFeatured`). */
  public async update(original: IStory, changed: IStory): Promise<IStory> {
    await loadSanitizer();
    return super.update(original, { ...changed, featured: original.featured });
  }

  /**
   * Approved stories, newest first, with recognition counts: the page and the recognitions of the
   * newest stories in one `$batch`, so a filter change — and "Vis flere" after it — is one request
   * while the stories are among those the tally covers (see `countedFeedPage`).
   */
  public async query(filters: IStoryFilters, pageSize = 10): Promise<IPage<IStory>> {
    const spec = storyFeedSpec(filters, pageSize);
    const reads = await inBatch(this.sp, (b) => ({
      feed: settle(fetchPage(itemsQuery(b, storyCodec, spec))),
      tally: settle(fetchPage(itemsQuery(b, recognitionCodec, TALLY_SPEC))),
    }));
    const feed = await reads.feed;
    const tallyRead = await reads.tally;
    const tally = tallyRead.ok ? recognitionTally(tallyRead.value) : undefined;
    try {
      let raw: IRawPage;
      if (feed.ok) raw = feed.value;
      else if (isThresholdError(feed.error)) {
        const windowed = await windowedStoryPage(this.sp, filters, pageSize, isPublished);
        return await this.withCounts(windowed, tally);
      } else if (isUnknownFieldError(feed.error)) raw = await readPage(this.sp, storyCodec, spec);
      else throw feed.error;
      const page = pageOf(this.sp, storyCodec, raw, isPublished);
      if (page.items.length === 0 && page.hasMore)
        return await this.withCounts(await publishedStoryPage(this.sp, filters, pageSize, isPublished), tally);
      return tally ? await countedFeedPage(this.sp, page, tally, raw, isPublished) : await this.withCounts(page);
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** The page with recognition counts (see `withCounts` in `storyReads.ts`). */
  public withCounts(page: IPage<IStory>, tally?: IRecognitionTally): Promise<IPage<IStory>> {
    return withCounts(this.sp, page, tally);
  }

  /**
   * Stories waiting for approval, newest first, paged (for "Vis flere" after the view's
   * `pendingForModeration`, from its `pendingBelow`). `_ModerationStatus` is not indexed, so each
   * page is one `$batch` of up to 20 windows of 5,000 ids (threshold-safe on any size, 100,000 ids
   * per request); each window asks only for pending stories. Only approvers see other people's
   * pending stories; anyone else gets their own. Recognition counts are not read: the queue is for
   * judging content (and a pending story is not in the feed, where recognitions are given).
   */
  public async listPending(pageSize = 20, below?: number): Promise<IPage<IStory>> {
    try {
      return await pendingPage(
        this.sp,
        pageSize,
        below === undefined ? (await maxItemId(this.sp, storyCodec)) + 1 : below,
      );
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** A person's own stories, any publishing state (Author is indexed). */
  public listByAuthor(userId: number): Promise<IStory[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [['Id', false]], 500);
  }

  /** Recognitions per story, distinct people (see `recognitionCounts` in `storyReads.ts`). */
  public recognitionCounts(storyIds: readonly number[]): Promise<Map<number, number>> {
    return recognitionCounts(this.sp, storyIds);
  }

  /**
   * Approves or rejects. SharePoint refuses other columns in the same request as the moderation
   * status, and needs the approve permission (site owners). Approving leaves the story with `Featured`
   * as the approver chose (`featured`, default not featured) — so a story is never featured only
   * because its author set the column over REST: when the version read differs, `Featured` is written
   * first (its own MERGE), then exactly that version is approved. Both MERGEs carry the ETag, and the
   * version read in between must be ours (one more than the approver saw), else someone changed the
   * story and nothing is approved (ConflictError).
   */
  public async moderate(
    story: IStory,
    approve: boolean,
    comment?: string,
    options: IModerateOptions = {},
  ): Promise<IStory> {
    const errors = validateModeration(approve, comment);
    if (errors.length > 0) throw new DataError('invalid', { validationErrors: errors });
    const id = story.id as number;
    let etag = story.etag || '*';
    const featured = options.featured === true;
    // The approval's If-Match pins the version read: when it already has the chosen Featured, that
    // version is approved as it is; otherwise Featured is written first, alone.
    if (approve && (story.featured === true) !== featured) etag = await this.writeFeatured(story, featured);
    const body: Record<string, unknown> = {
      OData__ModerationStatus: approve ? MODERATION_STATUS.approved : MODERATION_STATUS.denied,
    };
    if (comment !== undefined) body.OData__ModerationComments = comment;
    try {
      const ifMatch = etag;
      const pictureId = story.pictureId;
      if (pictureId === undefined) {
        await retryThrottled(() => listItems(this.sp, 'stories').getById(id).update(body, ifMatch));
      } else {
        // The picture is approved or rejected with its story, in the same `$batch` (loaded on demand).
        const { moderateWithPicture } = await import(/* webpackChunkName: 'mpk-story-picture' */ './storyPictures');
        await moderateWithPicture(this.sp, id, body, ifMatch, pictureId);
      }
    } catch (error) {
      if (httpStatus(error) === 412)
        throw new ConflictError<IStory>(story, await this.get(id), ['moderationStatus'], error);
      throw toDataError(error);
    }
    const result = await this.get(id);
    // A featured story's recognitions carry `StoryFeatured`; a story featured before (an approved
    // edit) may lose it. A new story has no recognitions and is not featured: nothing to read.
    if (approve && (featured || story.featured === true)) await markRecognitions(this.sp, id, featured);
    await this.recountWindow(id);
    // The author hears of it in "Nyt til dig" (and in a Teams chat unless the approver unticked it).
    if (this.notifier) {
      await this.notifier
        .storyModerated(result, approve, comment, options.notifyInTeams !== false)
        .catch(() => undefined);
    }
    return result;
  }

  /**
   * Deletes a story as read (see `ListRepository.remove`), then recounts its window of published
   * stories per ambition: the story may have been published.
   */
  public async remove(story: IStory): Promise<void> {
    await super.remove(story);
    if (story.pictureId !== undefined) {
      const { removeStoryPicture } = await import(/* webpackChunkName: 'mpk-story-picture' */ './storyPictures');
      await removeStoryPicture(this.sp, story.pictureId);
    }
    if (story.id !== undefined) await this.recountWindow(story.id);
  }

  /**
   * Recounts the published stories of a story's id window in "MPK Overblik" (`recountStoryWindow`),
   * after a moderation or deletion landed. Best effort: the write the person asked for has been made,
   * so a failure here (a site not yet at schema v6, an author without write access to the summaries,
   * the row changing again and again) leaves the row as it was and tells nobody; the next moderation in
   * the window, or `recountAllStories`, puts it right. Loaded on the first moderation (a chunk of its
   * own): reading stories never needs it.
   */
  private async recountWindow(storyId: number): Promise<void> {
    try {
      const { recountStoryWindow } = await import(/* webpackChunkName: 'mpk-summaries' */ './summaries');
      await recountStoryWindow(this.sp, storyId);
    } catch {
      // Deliberately silent (see above).
    }
  }

  /**
   * Writes `Featured` alone on the version the approver saw (If-Match), and returns the new version's
   * ETag — after checking that the version now stored is that write (its number one higher), not an
   * edit that slipped in between.
   */
  private async writeFeatured(story: IStory, featured: boolean): Promise<string> {
    const id = story.id as number;
    const seen = story.etag || '*';
    try {
      await retryThrottled(() => listItems(this.sp, 'stories').getById(id).update({ Featured: featured }, seen));
    } catch (error) {
      if (httpStatus(error) === 412)
        throw new ConflictError<IStory>(story, await this.get(id), ['moderationStatus'], error);
      throw toDataError(error);
    }
    const after = await this.get(id);
    const before = etagVersion(story.etag);
    const now = etagVersion(after.etag);
    if (after.featured !== featured || (before !== undefined && now !== undefined && now !== before + 1)) {
      throw new ConflictError<IStory>(story, after, ['moderationStatus']);
    }
    return after.etag || '*';
  }

  /**
   * Features a story (or stops featuring it), site owners only; an approved story is approved again
   * (the same version: see `moderate`). Then its recognitions get the same `StoryFeatured` (site
   * owners may edit everybody's items), so the view counts a featured story's recognitions with one
   * indexed filter in its batch. Someone recognising meanwhile checks the story after saving
   * (`RecognitionRepository.recognise`).
   */
  public async setFeatured(story: IStory, featured: boolean): Promise<IStory> {
    if (story.moderationStatus === MODERATION_STATUS.approved)
      return this.moderate(story, true, undefined, { featured });
    await this.writeFeatured(story, featured);
    await markRecognitions(this.sp, story.id as number, featured);
    return this.get(story.id as number);
  }
}

/** The version number in an item's ETag (`"3"` or `"<guid>,3"`), if it has one. */
export function etagVersion(etag: string | undefined): number | undefined {
  const match = etag ? /(\d+)"?$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}

/** Recognitions over "MPK Anerkendelser": one per person and story, enforced by the unique ClientKey. */
export class RecognitionRepository extends ListRepository<IRecognition> implements IRecognitionRepository {
  public constructor(
    sp: SPFI,
    private readonly notifier?: Notifier,
  ) {
    super(sp, recognitionCodec, { validate: (recognition) => validateRecognition(recognition) });
  }

  /**
   * Recognises once; a second press (or a retried request) returns the first recognition. After
   * saving, the story is read: a featured story's recognition gets `StoryFeatured` (read after our
   * save, so an editor's "Fremhæv" either saw our recognition or is seen by us — never neither).
   */
  public async recognise(storyId: number, userId: number): Promise<IRecognition> {
    const earlier = await this.ownRecognition(storyId, userId);
    if (earlier) return earlier;
    const recognition = await this.create({ storyId, userId, clientKey: recognitionKey(storyId, userId) });
    try {
      const story = await retryThrottled(() =>
        listItems(this.sp, 'stories').getById(storyId).select('Id', 'Featured', 'AuthorId')<Row>(),
      );
      if (story.Featured === true) {
        await retryThrottled(() =>
          listItems(this.sp, 'recognitions')
            .getById(recognition.id as number)
            .update({ StoryFeatured: true }),
        );
      }
      // The author hears of it in "Nyt til dig" (gathered per story there); never a Teams message.
      if (this.notifier && typeof story.AuthorId === 'number') {
        await this.notifier.recognised(storyId, story.AuthorId).catch(() => undefined);
      }
    } catch (error) {
      // A site not yet at schema v4 has no StoryFeatured (and does not count by it).
      if (!isUnknownFieldError(error)) throw toDataError(error);
    }
    return recognition;
  }

  /**
   * The person's recognition of a story, if they gave one (both columns indexed, the person's first).
   * Someone with more than 5,000 recognitions of their own is refused this read: they may then get a
   * second row, which is counted once anyway.
   */
  private async ownRecognition(storyId: number, userId: number): Promise<IRecognition | undefined> {
    try {
      const page = await readPage(this.sp, recognitionCodec, {
        filter: `AuthorId eq ${userId} and StoryId eq ${storyId}`,
        top: 1,
      });
      return page.rows.length > 0 ? fromRow(recognitionCodec, page.rows[0]) : undefined;
    } catch (error) {
      if (isThresholdError(error)) return undefined;
      throw toDataError(error);
    }
  }

  public withdraw(recognition: IRecognition): Promise<void> {
    return this.remove(recognition);
  }

  /** A person's recognitions (Author is indexed). */
  public listByUser(userId: number): Promise<IRecognition[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [['Id', false]], MAX_PAGE);
  }
}

/**
 * Sets `StoryFeatured` on every recognition of a story that does not have it yet (a story has at
 * most one recognition per person, far below the threshold). Site owners only (they edit others'
 * items); on a site before schema v4 there is no such column and nothing to do.
 */
async function markRecognitions(sp: SPFI, storyId: number, featured: boolean): Promise<void> {
  try {
    const rows = await allRows(sp, recognitionCodec, {
      select: ['Id', 'StoryFeatured'],
      filter: `StoryId eq ${storyId}`,
    });
    const stale = rows.filter((row) => (row.StoryFeatured === true) !== featured).map((row) => Number(row.Id));
    for (let i = 0; i < stale.length; i += 20) {
      const chunk = stale.slice(i, i + 20);
      const results = await inBatch(sp, (b) =>
        chunk.map((id) => settle(listItems(b, 'recognitions').getById(id).update({ StoryFeatured: featured }))),
      );
      for (const result of results) {
        const settled = await result;
        // A recognition withdrawn meanwhile needs no flag.
        if (!settled.ok && httpStatus(settled.error) !== 404) throw settled.error;
      }
    }
  } catch (error) {
    if (isUnknownFieldError(error)) return;
    throw toDataError(error);
  }
}
