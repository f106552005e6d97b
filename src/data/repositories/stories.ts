/** Hverdagshistorier over "MPK Historier" (content approval on) and recognitions over "MPK Anerkendelser". */
import type { SPFI } from "@pnp/sp";
import type { IRecognition, IStory } from "../../domain/model";
import { sanitizeRichText } from "../../domain/richText";
import { validateRecognition, validateStory } from "../../domain/validation";
import { MODERATION_STATUS, recognitionKey } from "../../domain/workflow";
import { ConflictError, httpStatus, isThresholdError, retryThrottled, toDataError } from "../errors";
import type { Row } from "../mapping/codec";
import { recognitionCodec, storyCodec } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import { fetchAll, readPage, listItems, MAX_PAGE, pageOf, quote, windowedPage, type IQuerySpec, type IRawPage } from "./query";
import type { IPage, IRecognitionRepository, IStoryFilters, IStoryRepository } from "./types";

/**
 * One column's part of the feed's filter: the single value and the list of values both apply (a
 * reader's choice within the web part's scope). A single value in the list makes the list redundant;
 * one outside it matches nothing, as it should. Several values are an `or` chain in parentheses —
 * every side on the same indexed column, so SharePoint still answers it from the index.
 */
function columnFilter<V extends string | number>(column: string, literal: (value: V) => string, one: V | undefined, many: readonly V[] | undefined): string[] {
  const list: V[] = [];
  for (const value of many || []) if (list.indexOf(value) < 0) list.push(value);
  const parts: string[] = [];
  if (one !== undefined) parts.push(`${column} eq ${literal(one)}`);
  if (list.length > 0 && !(one !== undefined && list.indexOf(one) >= 0)) {
    const chain = list.map((value) => `${column} eq ${literal(value)}`);
    parts.push(chain.length === 1 ? chain[0] : `(${chain.join(" or ")})`);
  }
  return parts;
}

/** The feed's `$filter`: only indexed columns (UnitId, AmbitionKey, StoryKind), the most selective first. */
export function storyFilter(filters: IStoryFilters = {}): string | undefined {
  const parts: string[] = [
    ...columnFilter<number>("UnitId", String, filters.unitId, filters.unitIds),
    ...columnFilter<string>("AmbitionKey", quote, filters.ambitionKey || undefined, filters.ambitionKeys),
  ];
  if (filters.kind) parts.push(`StoryKind eq ${quote(filters.kind)}`);
  return parts.length > 0 ? parts.join(" and ") : undefined;
}

/** Published stories only: approvers and authors also get pending ones back from SharePoint. */
export function isPublished(story: IStory): boolean {
  return story.moderationStatus === MODERATION_STATUS.approved || story.moderationStatus === undefined;
}

/** Waiting for an approver. */
export function isPending(story: IStory): boolean {
  return story.moderationStatus === MODERATION_STATUS.pending;
}

/** `_ModerationStatus` is not indexed: this filter is only ever sent inside an id window (see `windowedPage`). */
const PENDING_FILTER = `OData__ModerationStatus eq ${MODERATION_STATUS.pending}`;

/** Recognitions per story id from rows with `StoryId`. */
export function tallyRecognitions(rows: readonly Row[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const id = row.StoryId;
    if (typeof id === "number") counts.set(id, (counts.get(id) || 0) + 1);
  }
  return counts;
}

/** The feed's first query: newest first by Id (always indexed). */
export function storyFeedSpec(filters: IStoryFilters, pageSize: number): IQuerySpec {
  return { filter: storyFilter(filters), orderBy: [["Id", false]], top: pageSize };
}

/**
 * The feed when a filter matches more than 5,000 stories (SharePoint refuses such a query): walk the
 * list newest first in windows of 5,000 ids (`windowedPage`), so every request stays below the threshold.
 */
export function windowedStoryPage(sp: SPFI, filters: IStoryFilters, pageSize: number, keep: (story: IStory) => boolean): Promise<IPage<IStory>> {
  return windowedPage(sp, storyCodec, { filter: storyFilter(filters) }, pageSize, keep);
}

/** Stories over "MPK Historier". */
export class StoryRepository extends ListRepository<IStory> implements IStoryRepository {
  public constructor(sp: SPFI) {
    super(sp, storyCodec, {
      validate: (story) => validateStory(story),
      // Stored as sanitised HTML, and validated as stored.
      prepare: (story) => ({ ...story, body: sanitizeRichText(story.body) }),
    });
  }

  /** Approved stories, newest first, with recognition counts. */
  public async query(filters: IStoryFilters, pageSize = 10): Promise<IPage<IStory>> {
    let page: IPage<IStory>;
    try {
      page = pageOf(this.sp, storyCodec, await readPage(this.sp, storyCodec, storyFeedSpec(filters, pageSize)), isPublished);
    } catch (error) {
      if (!isThresholdError(error)) throw toDataError(error);
      page = await windowedStoryPage(this.sp, filters, pageSize, isPublished).catch((e: unknown) => {
        throw toDataError(e);
      });
    }
    return this.withCounts(page);
  }

  /** A page whose stories (and every later page's) carry their recognition counts. */
  public async withCounts(page: IPage<IStory>, known?: Map<number, number>, completeAbove = Infinity): Promise<IPage<IStory>> {
    const missing = page.items.filter((s) => s.id !== undefined && !(known && s.id > completeAbove)).map((s) => s.id as number);
    const counts = missing.length > 0 ? await this.recognitionCounts(missing) : new Map<number, number>();
    for (const story of page.items) {
      const id = story.id as number;
      story.recognitionCount = counts.get(id) ?? (known && known.get(id)) ?? 0;
    }
    const next = page.nextPage;
    return { ...page, nextPage: async () => this.withCounts(await next()) };
  }

  /**
   * Stories waiting for approval, newest first, paged (for "Vis flere" after the view's
   * `pendingForModeration`). `_ModerationStatus` is not indexed, so the list is walked in windows of
   * 5,000 ids (threshold-safe on any size); each window asks only for pending stories. Only approvers
   * see other people's pending stories; anyone else gets their own.
   */
  public async listPending(pageSize = 20): Promise<IPage<IStory>> {
    let page: IPage<IStory>;
    try {
      page = await windowedPage(this.sp, storyCodec, { filter: PENDING_FILTER }, pageSize, isPending);
    } catch (error) {
      throw toDataError(error);
    }
    return this.withCounts(page);
  }

  /** A person's own stories, any publishing state (Author is indexed). */
  public listByAuthor(userId: number): Promise<IStory[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [["Id", false]], 500);
  }

  /** Counts recognitions of some stories (an `or` of indexed StoryId, 40 ids per request). */
  public async recognitionCounts(storyIds: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    try {
      for (let i = 0; i < storyIds.length; i += 40) {
        const chunk = storyIds.slice(i, i + 40);
        const filter = chunk.map((id) => `StoryId eq ${id}`).join(" or ");
        const rows = await fetchAll(this.sp, await readPage(this.sp, recognitionCodec, { select: ["Id", "StoryId"], filter, top: MAX_PAGE }));
        tallyRecognitions(rows).forEach((n, id) => counts.set(id, n));
      }
    } catch (error) {
      throw toDataError(error);
    }
    return counts;
  }

  /**
   * Approves or rejects. SharePoint refuses other columns in the same request, and needs the
   * approve permission (site owners).
   */
  public async moderate(story: IStory, approve: boolean, comment?: string): Promise<IStory> {
    const id = story.id as number;
    const body: Record<string, unknown> = { OData__ModerationStatus: approve ? MODERATION_STATUS.approved : MODERATION_STATUS.denied };
    if (comment !== undefined) body.OData__ModerationComments = comment;
    try {
      await retryThrottled(() => listItems(this.sp, "stories").getById(id).update(body, story.etag || "*"));
    } catch (error) {
      if (httpStatus(error) === 412) throw new ConflictError<IStory>(story, await this.get(id), ["moderationStatus"], error);
      throw toDataError(error);
    }
    return this.get(id);
  }

  /** Features a story (or stops featuring it); an approved story is approved again after the edit. */
  public async setFeatured(story: IStory, featured: boolean): Promise<IStory> {
    const wasApproved = story.moderationStatus === MODERATION_STATUS.approved;
    const updated = await this.update(story, { ...story, featured });
    return wasApproved && updated.moderationStatus !== MODERATION_STATUS.approved ? this.moderate(updated, true) : updated;
  }
}

/** Recognitions over "MPK Anerkendelser": one per person and story, enforced by the unique ClientKey. */
export class RecognitionRepository extends ListRepository<IRecognition> implements IRecognitionRepository {
  public constructor(sp: SPFI) {
    super(sp, recognitionCodec, { validate: (recognition) => validateRecognition(recognition) });
  }

  /** Recognises once; a second press (or a retried request) returns the first recognition. */
  public recognise(storyId: number, userId: number): Promise<IRecognition> {
    return this.create({ storyId, userId, clientKey: recognitionKey(storyId, userId) });
  }

  public withdraw(recognition: IRecognition): Promise<void> {
    return this.remove(recognition);
  }

  /** A person's recognitions (Author is indexed). */
  public listByUser(userId: number): Promise<IRecognition[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [["Id", false]], MAX_PAGE);
  }
}

/** A raw page of recognitions ordered by StoryId, newest stories first: counts for the newest stories. */
export function recognitionTally(raw: IRawPage): { counts: Map<number, number>; completeAbove: number } {
  const counts = tallyRecognitions(raw.rows);
  if (!raw.nextLink) return { counts, completeAbove: 0 };
  // The page stopped inside the lowest story id it reached: counts are whole only above it.
  let lowest = Infinity;
  for (const row of raw.rows) if (typeof row.StoryId === "number" && row.StoryId < lowest) lowest = row.StoryId;
  return { counts, completeAbove: lowest };
}
