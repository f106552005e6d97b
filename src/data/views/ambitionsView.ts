/**
 * The first view of "Ambitioner og hverdagshistorier" in one `$batch`: ambitions and commitments,
 * units, featured stories, the first page of the feed, the user's pending stories and recognitions,
 * counts per ambition and what the user may do. "Egne noter" are not here: they live in the person's
 * OneDrive and load when their section is shown (`reflections.listMine`).
 */
import type { SPFI } from '@pnp/sp';
import { inboxSummaryOf, startInboxReads } from '../notifications/inbox';
import type { IStory } from '../../domain/model';
import { MODERATION_STATUS } from '../../domain/workflow';
import { fromRow } from '../mapping/codec';
import { recognitionCodec, storyCodec, summaryCodec } from '../mapping/entities';
import { totalsReadSpec } from '../repositories/summaryKeys';
import { countsFromTotals } from '../../domain/ambitionTotals';
import {
  fetchPage,
  inBatch,
  itemsQuery,
  lastPage,
  pageOf,
  settle,
  windowedPage,
  type IRawPage,
  type Settled,
} from '../repositories/query';
import {
  countedFeedPage,
  isPending,
  isPublished,
  knows,
  publishedStoryPage,
  recognitionTally,
  RECOGNITION_COUNT_SELECT,
  storyFeedSpec,
  storyFilter,
  FIRST_VIEW_TALLY_SPEC,
  tallyRecognitions,
  windowedStoryPage,
  withCounts,
  type IRecognitionTally,
} from '../repositories/storyReads';
import type { AmbitionsViewPart, IAmbitionsView, IAmbitionsViewQuery, IPage } from '../repositories/types';
import { isThresholdError } from '../errors';
import {
  Degraded,
  finishCommonReads,
  recoverRead,
  startRead,
  hasPermission,
  listPermissions,
  PERMISSION,
  rowsOf,
  startCommonReads,
  viewValue,
  type ViewRead,
} from './common';

/** Featured stories shown at most. */
const FEATURED_MAX = 20;

/** The most rows one read of the first view takes (SharePoint's page limit); a page this full may go on. */
const COUNT_TOP = 5000;

/**
 * Approvers' queue in the first view: the pending stories among the newest `PENDING_WINDOW` stories
 * (by Id, always indexed — `_ModerationStatus` is not, so no query may filter the whole list on it),
 * at most `PENDING_MAX` of them. Older pending stories come from `stories.listPending`. Everyone else
 * gets back only approved stories and their own in this read, which the view then ignores.
 */
export const PENDING_WINDOW = 30;
export const PENDING_MAX = 50;

function hasMore(read: ViewRead<IRawPage>): boolean {
  // A full page is "more" even without a nextLink (the counted reads ask for no metadata).
  return !read.missing && (read.value.nextLink !== undefined || read.value.rows.length >= COUNT_TOP);
}

/**
 * Featured stories' counts from their recognitions' `StoryFeatured` rows (read whole: no nextLink).
 * A site before schema v4 (no such column) or more than 5,000 such rows: those stories are counted
 * with one more request instead.
 */
function addFeaturedCounts(tally: IRecognitionTally, featured: readonly IStory[], settled: Settled<IRawPage>): void {
  if (!settled.ok || settled.value.nextLink || settled.value.rows.length >= COUNT_TOP) return;
  const counts = tallyRecognitions(settled.value.rows);
  for (const story of featured) {
    const id = story.id as number;
    if (knows(tally, id)) continue;
    tally.counts.set(id, counts.get(id) || 0);
    tally.exact.add(id);
  }
}

/** Loads the view; a site without the lists gives `schema.provisioned: false` and the seed's ambitions. */
export async function loadAmbitionsView(
  sp: SPFI,
  query: IAmbitionsViewQuery & { userId: number },
): Promise<IAmbitionsView> {
  const pageSize = query.pageSize || 10;
  const filters = query.filters || {};
  const userId = query.userId;
  const filter = storyFilter(filters);
  const featuredFilter = `Featured eq 1${filter ? ` and ${filter}` : ''}`;
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b, { unitNamesOnly: true }),
    inbox: startInboxReads(b, query.userId, new Date()),
    featured: startRead(b, storyCodec, { filter: featuredFilter, orderBy: [['Id', false]], top: FEATURED_MAX }),
    feed: startRead(b, storyCodec, storyFeedSpec(filters, pageSize)),
    mine: startRead(b, storyCodec, { filter: `AuthorId eq ${userId}`, orderBy: [['Id', false]], top: 100 }),
    newest: startRead(b, storyCodec, { orderBy: [['Id', false]], top: PENDING_WINDOW }),
    myRecognitions: startRead(b, recognitionCodec, { filter: `AuthorId eq ${userId}`, top: COUNT_TOP }),
    // Recognitions of the newest stories, for the first page's counts without a second round trip.
    tally: startRead(b, recognitionCodec, FIRST_VIEW_TALLY_SPEC),
    // Recognitions of featured stories (however old): `StoryFeatured` is kept equal to the story's flag.
    featuredTally: settle(
      fetchPage(
        itemsQuery(b, recognitionCodec, {
          select: RECOGNITION_COUNT_SELECT,
          filter: 'StoryFeatured eq 1',
          top: COUNT_TOP,
          noMetadata: true,
        }),
      ),
    ),
    // The numbers per ambition: the `Totals` of every row of "MPK Overblik" (kept current by the writes).
    totals: startRead(b, summaryCodec, totalsReadSpec()),
    storyPermissions: listPermissions(b, 'stories'),
  }));

  const degraded = new Degraded<AmbitionsViewPart>();
  const featuredSettled = await recoverRead(sp, reads.featured);
  const featuredThreshold = !featuredSettled.ok && isThresholdError(featuredSettled.error);
  const featured = featuredThreshold
    ? ({ missing: false, value: { rows: [] } } as ViewRead<IRawPage>)
    : degraded.read('featured', featuredSettled);
  const feedSettled = await recoverRead(sp, reads.feed);
  const newest = await degraded.finish(sp, 'moderation', reads.newest);
  // Someone who wrote more than 5,000 stories (an import account) cannot filter on themselves: their
  // own unpublished stories are then looked for among the newest ones read for the approvers' queue.
  const mineSettled = await recoverRead(sp, reads.mine);
  const mineThreshold = !mineSettled.ok && isThresholdError(mineSettled.error);
  const mine: ViewRead<IRawPage> = mineThreshold
    ? { missing: false, value: { rows: rowsOf(newest).filter((row) => row.AuthorId === userId) } }
    : degraded.read('myStories', mineSettled);
  const myRecognitions = await degraded.finish(sp, 'recognitions', reads.myRecognitions);
  const tally = await degraded.finish(sp, 'recognitions', reads.tally);
  // A site before schema v6 has no "MPK Overblik": the counts are then incomplete, the view is not missing.
  const totals = await degraded.finish(sp, 'counts', reads.totals);
  const storyPermissions = viewValue(await reads.storyPermissions);
  const feedThreshold = !feedSettled.ok && isThresholdError(feedSettled.error);
  const feed = feedThreshold
    ? ({ missing: false, value: { rows: [] } } as ViewRead<IRawPage>)
    : degraded.read('feed', feedSettled);
  const anyMissing = [featured, feed, mine, newest, myRecognitions, tally].some((r) => r.missing);
  const common = await finishCommonReads(sp, reads.common, anyMissing);

  let featuredStories = rowsOf(featured)
    .map((row) => fromRow(storyCodec, row))
    .filter(isPublished);
  if (featuredThreshold) {
    // More than 5,000 stories flagged Featured (pending ones too: anyone may write the flag on their
    // own story): the newest published ones through id windows, as the feed does.
    featuredStories = (
      await degraded.step(
        'featured',
        () =>
          windowedPage(
            sp,
            storyCodec,
            { filter: `${featuredFilter} and OData__ModerationStatus eq ${MODERATION_STATUS.approved}` },
            FEATURED_MAX,
            isPublished,
          ),
        lastPage<IStory>(),
      )
    ).items;
  }
  const notFeatured = (story: IStory): boolean => isPublished(story) && !story.featured;
  let page: IPage<IStory>;
  // The feed's own raw first page, when "Vis flere" can follow its nextLink together with the tally's.
  let feedRaw: IRawPage | undefined;
  if (feedThreshold) {
    // A filter matching more than 5,000 stories: the windowed walk (more requests, never refused).
    page = await degraded.step('feed', () => windowedStoryPage(sp, filters, pageSize, notFeatured), lastPage<IStory>());
  } else {
    feedRaw = feed.missing ? { rows: [] } : feed.value;
    page = pageOf(sp, storyCodec, feedRaw, notFeatured);
    if (page.items.length === 0 && page.hasMore) {
      // Approvers and authors get pending stories back too: a first page of nothing but pending
      // ones (someone posted thousands) is read again, published stories only, through id windows.
      const first = page;
      page = await degraded.step('feed', () => publishedStoryPage(sp, filters, pageSize, notFeatured), first);
      if (page !== first) feedRaw = undefined;
    }
  }
  // Counts come from the tally read in the batch (and the featured stories' own rows); only stories
  // neither reached cost a request. No recognitions list: nothing to count.
  const known: IRecognitionTally = tally.missing
    ? { counts: new Map(), completeAbove: 0, exact: new Set() }
    : recognitionTally(tally.value, undefined, FIRST_VIEW_TALLY_SPEC.top);
  addFeaturedCounts(known, featuredStories, await reads.featuredTally);
  const counted = await degraded.step(
    'recognitions',
    () => countedFeedPage(sp, page, known, feedRaw, notFeatured),
    page,
  );
  const featuredPage = await degraded.step(
    'recognitions',
    () => withCounts(sp, lastPage(featuredStories), known),
    lastPage(featuredStories),
  );

  const canApprove = !storyPermissions.missing && hasPermission(storyPermissions.value, PERMISSION.ApproveItems);
  let pendingForModeration: IStory[] | undefined;
  let morePendingForModeration: boolean | undefined;
  let pendingBelow: number | undefined;
  if (canApprove) {
    const newestRows = rowsOf(newest);
    const pending = newestRows.map((row) => fromRow(storyCodec, row)).filter(isPending);
    const first = lastPage(pending.slice(0, PENDING_MAX));
    const shown = await degraded.step('recognitions', () => withCounts(sp, first, known), first);
    pendingForModeration = shown.items;
    morePendingForModeration = pending.length > PENDING_MAX || hasMore(newest);
    // "Vis flere" goes on below the last story shown, or below the newest stories read.
    if (pending.length > PENDING_MAX) pendingBelow = pending[PENDING_MAX - 1].id;
    else if (morePendingForModeration && newestRows.length > 0)
      pendingBelow = Number(newestRows[newestRows.length - 1].Id);
  }

  const perAmbition = countsFromTotals(
    rowsOf(totals).map((row) => ({
      key: String(row.ClientKey),
      unitId: typeof row.UnitId === 'number' ? row.UnitId : undefined,
      totals: typeof row.Totals === 'string' ? row.Totals : undefined,
    })),
    common.units.map((unit) => unit.id).filter((id): id is number => id !== undefined),
  );
  return {
    schema: common.schema,
    ambitions: common.ambitions,
    units: common.units,
    inbox: await inboxSummaryOf(reads.inbox),
    featuredStories: featuredPage.items,
    stories: counted,
    myPendingStories: rowsOf(mine)
      .map((row) => fromRow(storyCodec, row))
      .filter((story) => !isPublished(story)),
    myUnitId: rowsOf(mine)
      .map((row) => row.UnitId)
      .find((id): id is number => typeof id === 'number'),
    pendingForModeration,
    morePendingForModeration,
    pendingBelow,
    myRecognitions: rowsOf(myRecognitions).map((row) => fromRow(recognitionCodec, row)),
    counts: perAmbition.counts,
    countsComplete: perAmbition.complete && degraded.parts.indexOf('counts') < 0,
    isSiteOwner: common.isSiteOwner,
    canPostStory: !storyPermissions.missing && hasPermission(storyPermissions.value, PERMISSION.AddListItems),
    unavailable: degraded.list(),
  };
}
