/** @jest-environment node */
/**
 * Hostile input through every free-text write of the repositories: each value is stored faithfully
 * (plain text exactly as typed; rich text sanitised and inert) or refused before anything is sent,
 * with a Danish message — CPR numbers always refused, 100,000 characters always refused, script
 * URLs never stored as a link. Quotes that would break a `$filter` work in the queries that take
 * free text (the task board's meeting, a unit named O'Brien) and cannot widen them.
 */
import { JSDOM } from 'jsdom';
import { DataError } from '../../src/data/errors';
import type { IMpkServices } from '../../src/data/repositories/types';
import { type IValidationError } from '../../src/domain/messages';
import { dataErrorText, describeError } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';
import type {
  ICheckIn,
  IDialogComment,
  IEntity,
  IFollowUpTask,
  IInitiative,
  IPlan,
  IPlanFocus,
  IPoliticalPriority,
  IReflection,
  IStory,
} from '../../src/domain/model';
import type { IUnitItem } from '../../src/data/repositories/types';
import { sanitizeRichText } from '../../src/domain/richText';
import { SINGLE_LINE_MAX, MULTI_LINE_MAX } from '../../src/domain/validation';
import { activeContent, CORPUS, type ICorpusEntry } from './corpus';
import { startWorld, type IWorld } from './support';

jest.setTimeout(120_000);

const doc = new JSDOM('').window.document;

let world: IWorld;
let plan: IPlan;
let initiative: IInitiative;

beforeAll(async () => {
  world = await startWorld();
  const { leder } = world.services;
  plan = await leder.plans.create({ clientKey: '', unitId: world.unitId, period: '2026', status: 'draft' });
  initiative = await leder.initiatives.create({
    clientKey: '',
    planId: plan.id as number,
    unitId: world.unitId,
    title: 'Indsats',
    ambitionKey: 'mod-og-stolthed',
    status: 'inProgress',
  });
});
afterAll(() => world.server.close());

/** One free-text field of one repository write. */
interface ITarget {
  name: string;
  /** plain: stored exactly; rich: stored sanitised; url: an http(s) link or refused. */
  kind: 'plain' | 'rich' | 'url';
  max: number;
  /** Writes an item with `value` in the field and returns it read back from SharePoint. */
  write(value: string): Promise<string | undefined>;
}

function target<T extends IEntity>(
  name: string,
  kind: ITarget['kind'],
  max: number,
  repo: (
    s: Record<string, IMpkServices>,
  ) =>
    | { create(item: T, unitId?: number): Promise<T>; get(id: number): Promise<T> }
    | { create(item: T): Promise<T>; get(id: number): Promise<T> },
  item: (value: string) => T,
  field: keyof T,
  unitScoped = false,
): ITarget {
  return {
    name,
    kind,
    max,
    write: async (value) => {
      const r = repo(world.services);
      const created = unitScoped
        ? await (r as { create(item: T, unitId?: number): Promise<T> }).create(item(value), world.unitId)
        : await r.create(item(value));
      const read = await r.get(created.id as number);
      return read[field] as unknown as string | undefined;
    },
  };
}

/** The person's notes are one file: their writes go one at a time (in parallel they would rightly conflict). */
let noteQueue: Promise<unknown> = Promise.resolve();

/**
 * A field of the person's one set of "Egne noter" (issue 17: one file in their OneDrive): each value is
 * saved over the notes there (created the first time), then read back.
 */
function noteTarget(name: string, field: 'contribution' | 'meaning'): ITarget {
  return {
    name,
    kind: 'plain',
    max: MULTI_LINE_MAX,
    write: (value) => {
      const run = noteQueue.then(() => writeNote(field, value));
      noteQueue = run.catch(() => undefined);
      return run;
    },
  };
}

async function writeNote(field: 'contribution' | 'meaning', value: string): Promise<string | undefined> {
  const notes = world.services.medarbejder.reflections;
  const [current] = await notes.listMine(world.services.medarbejder.user.id);
  const saved = current
    ? await notes.update(current, { ...current, [field]: value })
    : await notes.create({ clientKey: '', [field]: value } as IReflection);
  const read = await notes.get(saved.id as number);
  return read[field];
}

const TARGETS: ITarget[] = [
  target<IStory>(
    'story title',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.medarbejder.stories,
    (title) => ({
      clientKey: '',
      title,
      body: '<p>Tekst</p>',
      kind: 'success',
      ambitionKey: 'mod-og-stolthed',
      featured: false,
      recognitionCount: 0,
    }),
    'title',
  ),
  target<IStory>(
    'story body',
    'rich',
    MULTI_LINE_MAX,
    (s) => s.medarbejder.stories,
    (body) => ({
      clientKey: '',
      title: 'Historie',
      body,
      kind: 'lesson',
      ambitionKey: 'mod-og-stolthed',
      featured: false,
      recognitionCount: 0,
    }),
    'body',
  ),
  target<IPlanFocus>(
    'plan focus local meaning',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.leder.planFocuses,
    (localMeaning) => ({
      clientKey: '',
      planId: plan.id as number,
      ambitionKey: 'gode-rammer',
      relevance: 'medium',
      localMeaning,
    }),
    'localMeaning',
    true,
  ),
  target<IInitiative>(
    'initiative title',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.leder.initiatives,
    (title) => ({
      clientKey: '',
      planId: plan.id as number,
      unitId: world.unitId,
      title,
      ambitionKey: 'gode-rammer',
      status: 'planned',
    }),
    'title',
  ),
  target<IInitiative>(
    'initiative description',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.leder.initiatives,
    (description) => ({
      clientKey: '',
      planId: plan.id as number,
      unitId: world.unitId,
      title: 'Indsats',
      description,
      ambitionKey: 'gode-rammer',
      status: 'planned',
    }),
    'description',
  ),
  target<IInitiative>(
    'initiative success measure',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.leder.initiatives,
    (successMeasure) => ({
      clientKey: '',
      planId: plan.id as number,
      unitId: world.unitId,
      title: 'Indsats',
      successMeasure,
      ambitionKey: 'gode-rammer',
      status: 'planned',
    }),
    'successMeasure',
  ),
  target<IInitiative>(
    'initiative stop reason',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.leder.initiatives,
    (stopReason) => ({
      clientKey: '',
      planId: plan.id as number,
      unitId: world.unitId,
      title: 'Indsats',
      stopReason,
      ambitionKey: 'gode-rammer',
      status: 'stopped',
    }),
    'stopReason',
  ),
  target<IInitiative>(
    'initiative link',
    'url',
    255,
    (s) => s.leder.initiatives,
    (existingInitiativeUrl) => ({
      clientKey: '',
      planId: plan.id as number,
      unitId: world.unitId,
      title: 'Indsats',
      existingInitiativeUrl,
      ambitionKey: 'gode-rammer',
      status: 'planned',
    }),
    'existingInitiativeUrl',
  ),
  target<ICheckIn>(
    'check-in comment',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.leder.checkIns,
    (comment) => ({
      clientKey: '',
      initiativeId: initiative.id as number,
      health: 'yellow',
      progress: 50,
      date: '2026-01-15',
      comment,
    }),
    'comment',
    true,
  ),
  target<IFollowUpTask>(
    'task title',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.chef.tasks,
    (title) => ({
      clientKey: '',
      title,
      unitId: world.unitId,
      ambitionKey: 'gode-rammer',
      assigneeId: world.services.leder.user.id,
      dueDate: '2026-05-01',
      status: 'open',
    }),
    'title',
  ),
  target<IFollowUpTask>(
    'task description',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.chef.tasks,
    (description) => ({
      clientKey: '',
      title: 'Opgave',
      description,
      unitId: world.unitId,
      ambitionKey: 'gode-rammer',
      assigneeId: world.services.leder.user.id,
      dueDate: '2026-05-01',
      status: 'open',
    }),
    'description',
  ),
  target<IFollowUpTask>(
    'task meeting',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.chef.tasks,
    (meeting) => ({
      clientKey: '',
      title: 'Opgave',
      meeting,
      unitId: world.unitId,
      ambitionKey: 'gode-rammer',
      assigneeId: world.services.leder.user.id,
      dueDate: '2026-05-01',
      status: 'open',
    }),
    'meeting',
  ),
  target<IDialogComment>(
    'comment body',
    'plain',
    MULTI_LINE_MAX,
    (s) => s.medarbejder.comments,
    (body) => ({ clientKey: '', initiativeId: initiative.id, body }),
    'body',
    true,
  ),
  noteTarget('reflection contribution', 'contribution'),
  noteTarget('reflection meaning', 'meaning'),
  {
    name: 'story rejection reason',
    kind: 'plain',
    max: MULTI_LINE_MAX,
    write: async (reason) => {
      const story = await world.services.medarbejder.stories.create({
        clientKey: '',
        title: 'Til afvisning',
        body: '<p>Tekst</p>',
        kind: 'success',
        ambitionKey: 'mod-og-stolthed',
        featured: false,
        recognitionCount: 0,
      });
      const rejected = await world.services.admin.stories.moderate(story, false, reason);
      return (await world.services.medarbejder.stories.get(rejected.id as number)).moderationComment;
    },
  },
  target<IUnitItem>(
    'unit name',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.admin.units,
    (name) => ({ clientKey: '', name, kind: 'department', parentId: world.unitId, leaderIds: [] }),
    'name',
  ),
  target<IPoliticalPriority>(
    'political priority title',
    'plain',
    SINGLE_LINE_MAX,
    (s) => s.admin.politicalPriorities,
    (title) => ({ clientKey: '', key: '', title, order: 9, active: false }),
    'title',
  ),
];

type Outcome = { stored: true; value: string | undefined } | { stored: false; error: unknown };

/** A corpus entry, or the field's own limit (exactly as long as the column allows). */
type Entry = ICorpusEntry | { name: string; value: string; class: 'limit' };

/** What must happen to a value in a field; returns a problem, or undefined when it is right. */
function judge(t: ITarget, entry: Entry, outcome: Outcome): string | undefined {
  const refusedWith = (codes: string[]): string | undefined => {
    if (outcome.stored)
      return `stored ${JSON.stringify((outcome.value || '').slice(0, 80))}, expected refusal (${codes.join('/')})`;
    const error = outcome.error;
    if (!(error instanceof DataError) || error.kind !== 'invalid')
      return `refused with ${String(error)}, expected a DataError 'invalid'`;
    const got = error.validationErrors.map((e) => e.code);
    if (!codes.some((c) => (got as string[]).indexOf(c) >= 0))
      return `refused with ${got.join(', ')}, expected ${codes.join('/')}`;
    // A clear Danish message for every problem, with its placeholders filled.
    for (const v of error.validationErrors as IValidationError[]) {
      const text = describeError(danish, v, 'da-DK');
      if (!text || /[{}]/.test(text) || /\b(the|is|must)\b/i.test(text))
        return `message not Danish or not filled: ${text}`;
      if (v.code === 'containsCpr' && !/CPR-nummer/.test(text)) return `CPR message does not say CPR: ${text}`;
    }
    if (dataErrorText(danish, error) !== 'Oplysningerne kunne ikke gemmes. Ret det markerede, og prøv igen.')
      return `general message: ${dataErrorText(danish, error)}`;
    return undefined;
  };
  const storedExactly = (expected: string): string | undefined => {
    if (!outcome.stored)
      return `refused (${outcome.error instanceof DataError ? outcome.error.validationErrors.map((e) => e.code).join(', ') || outcome.error.kind : String(outcome.error)}), expected it stored`;
    return outcome.value === expected
      ? undefined
      : `stored ${JSON.stringify(outcome.value)}, typed ${JSON.stringify(expected)}`;
  };

  if (entry.class === 'limit') return storedExactly(t.kind === 'rich' ? sanitizeRichText(entry.value) : entry.value);
  if (entry.class === 'long') return refusedWith(['tooLong']);
  if (entry.class === 'cpr') return refusedWith(['containsCpr']);
  // The only links stored are http(s) URLs; nothing in the corpus is one.
  if (t.kind === 'url') return refusedWith(['invalidUrl', 'tooLong']);
  if (t.kind === 'rich') {
    if (entry.class === 'cprRich') return refusedWith(['containsCpr']);
    const sanitised = sanitizeRichText(entry.value);
    if (!outcome.stored) {
      // A body that is nothing but script sanitises to nothing: refused as empty.
      return doc.createRange().createContextualFragment(sanitised).textContent?.trim() === ''
        ? refusedWith(['required'])
        : storedExactly(sanitised);
    }
    const problems = activeContent(outcome.value || '', doc);
    if (problems.length > 0) return `stored active content: ${problems.join(', ')}`;
    // Stable: sanitising what is stored changes nothing (no mutation on re-parse).
    if (sanitizeRichText(outcome.value) !== outcome.value) return 'stored body changes when sanitised again';
    return storedExactly(sanitised);
  }
  // Plain text: exactly as typed (React shows it as text); a CPR split by tags is not a number there.
  if (entry.class === 'cprRich' && !outcome.stored) return refusedWith(['containsCpr']);
  if (t.max === SINGLE_LINE_MAX && entry.value.length > SINGLE_LINE_MAX) return refusedWith(['tooLong']);
  return storedExactly(entry.value);
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

describe('every free-text write, given the hostile corpus', () => {
  const summary: Array<Record<string, string | number>> = [];
  afterAll(() => {
    console.log(`Hostile input: ${CORPUS.length} values × ${TARGETS.length} fields`);
    console.table(summary);
  });

  it.each(TARGETS.map((t) => [t.name, t]))(
    '%s stores each value faithfully or refuses it with a Danish message',
    async (_name, t) => {
      // The limit itself is accepted, by validation and by SharePoint alike (an emoji counts as two).
      const atLimit = t.kind === 'url' ? 'https://holbaek.dk/' + 'a'.repeat(t.max - 19) : 'ø'.repeat(t.max - 2) + '👍';
      const entries: Entry[] = [...CORPUS, { name: `exactly ${t.max} characters`, value: atLimit, class: 'limit' }];
      const outcomes = await pool(entries, 8, async (entry): Promise<Outcome> => {
        try {
          return { stored: true, value: await t.write(entry.value) };
        } catch (error) {
          return { stored: false, error };
        }
      });
      const problems: string[] = [];
      entries.forEach((entry, i) => {
        const problem = judge(t, entry, outcomes[i]);
        if (problem) problems.push(`${entry.name}: ${problem}`);
      });
      summary.push({
        field: t.name,
        stored: outcomes.filter((o) => o.stored).length,
        refused: outcomes.filter((o) => !o.stored).length,
        problems: problems.length,
      });
      expect(problems).toEqual([]);
    },
  );
});

describe('quotes in queries that take free text', () => {
  it("finds the tasks of a meeting named O'Brien, and a quote cannot widen the task board's filter", async () => {
    const { chef, leder } = world.services;
    const task = (title: string, meeting: string): Promise<IFollowUpTask> =>
      chef.tasks.create({
        clientKey: '',
        title,
        unitId: world.unitId,
        ambitionKey: 'gode-rammer',
        assigneeId: leder.user.id,
        dueDate: '2026-06-01',
        status: 'open',
        meeting,
      });
    const a = await task('Forbered mødet', "Møde hos O'Brien");
    const b = await task('Referat', "Møde hos O'Brien");
    await task('Andet møde', 'Møde hos Hansen');

    const page = await chef.tasks.query({ meeting: "Møde hos O'Brien" });
    expect(page.items.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    const injected = await chef.tasks.query({ meeting: "x' or Id gt 0 or Meeting eq '" });
    expect(injected.items).toEqual([]);
    const view = await chef.views.loadFollowUpView({ userId: chef.user.id, meeting: "Møde hos O'Brien" });
    expect(view.tasks.items.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("loads the plan of a unit named O'Brien, and a channel id with a quote finds no unit", async () => {
    const { admin, leder } = world.services;
    const unit = await admin.units.create({
      clientKey: '',
      name: "O'Briens Børnehus",
      kind: 'institution',
      parentId: world.unitId,
      leaderIds: [leder.user.id],
    });
    await leder.plans.create({ clientKey: '', unitId: unit.id as number, period: '2026', status: 'draft' });
    const view = await leder.views.loadPlanView({ unitId: unit.id as number, userId: leder.user.id });
    expect(view.unit?.name).toBe("O'Briens Børnehus");
    expect(view.plan?.unitId).toBe(unit.id);
    expect(await leder.units.findByChannel("19:x' or Id gt 0 or TeamsChannelId eq '@thread.tacv2")).toBeUndefined();
  });

  it("shows a story titled O'Brien in the feed once approved", async () => {
    const { admin, medarbejder, leder } = world.services;
    const story = await medarbejder.stories.create({
      clientKey: '',
      title: "O'Brien's første dag",
      body: "<p>Velkommen, O'Brien!</p>",
      kind: 'success',
      ambitionKey: 'sammenhaeng-og-samarbejde',
      unitId: world.unitId,
      featured: false,
      recognitionCount: 0,
    });
    await admin.stories.moderate(story, true);
    const feed = await leder.stories.query({
      ambitionKey: 'sammenhaeng-og-samarbejde',
      unitId: world.unitId,
      kind: 'success',
    });
    expect(feed.items.map((s) => s.title)).toContain("O'Brien's første dag");
  });
});
