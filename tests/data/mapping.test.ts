/** @jest-environment node */
import { AMBITIONS } from '../../src/domain/ambitions';
import type { IInitiative, IStory } from '../../src/domain/model';
import {
  changedFields,
  fromRow,
  fromSpDate,
  odataName,
  toFields,
  toSpDate,
  type ICodec,
} from '../../src/data/mapping/codec';
import * as entities from '../../src/data/mapping/entities';
import {
  ambitionFields,
  assembleAmbitions,
  commitmentFields,
  initiativeCodec,
  storyCodec,
  unitCodec,
} from '../../src/data/mapping/entities';
import { SCHEMA } from '../../src/data/schema/lists';
import type { IEntity } from '../../src/domain/model';

const CONVERSION_OF_TYPE: Record<string, string[]> = {
  Text: ['text'],
  Note: ['text'],
  Choice: ['text'],
  Number: ['number'],
  Boolean: ['bool'],
  DateTime: ['date'],
  User: ['user'],
  UserMulti: ['users'],
};

describe('codecs against the schema', () => {
  const codecs = Object.values(entities).filter(
    (v): v is ICodec<IEntity> => !!v && typeof v === 'object' && 'columns' in v && 'list' in v,
  );

  it('map every property to a column that exists with a matching type', () => {
    for (const codec of codecs) {
      const list = SCHEMA.lists.find((l) => l.key === codec.list);
      expect(list).toBeDefined();
      for (const column of codec.columns) {
        if (column.field === 'Title') continue;
        const field = list?.fields.find((f) => f.name === column.field);
        expect([codec.list, column.field, field && CONVERSION_OF_TYPE[field.type].indexOf(column.conv) >= 0]).toEqual([
          codec.list,
          column.field,
          true,
        ]);
      }
    }
  });

  it("name user columns as SharePoint's JSON does (Owner → OwnerId)", () => {
    expect(odataName('Owner', 'user')).toBe('OwnerId');
    expect(odataName('Leaders', 'users')).toBe('LeadersId');
    expect(odataName('_ModerationStatus', 'number')).toBe('OData__ModerationStatus');
  });
});

describe('mapping items and domain objects', () => {
  const initiative: IInitiative = {
    clientKey: 'k-1',
    planId: 4,
    unitId: 2,
    title: 'Læsebånd i indskolingen',
    ambitionKey: 'viden-og-faglighed',
    commitmentKey: 'viden-og-faglighed-1',
    ownerId: 9,
    status: 'stopped',
    stopReason: 'Virkede ikke',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  };

  it('writes every column (blanks as null) and reads the same item back', () => {
    const body = toFields(initiativeCodec, initiative);
    expect(body).toMatchObject({
      ClientKey: 'k-1',
      Title: 'Læsebånd i indskolingen',
      PlanId: 4,
      OwnerId: 9,
      InitiativeStatus: 'stopped',
      StartDate: '2026-03-01T12:00:00Z',
      Description: null,
      PoliticalPriorityId: null,
    });
    const row = { ...body, Id: 17, 'odata.etag': '"3"' };
    expect(fromRow(initiativeCodec, row)).toEqual({ ...initiative, id: 17, etag: '"3"' });
  });

  it('reads a date-only value as the day in Copenhagen, however SharePoint shifted it', () => {
    expect(fromSpDate('2026-03-01T23:00:00Z')).toBe('2026-03-02');
    expect(fromSpDate(toSpDate('2026-07-15'))).toBe('2026-07-15');
    expect(fromSpDate(null)).toBeUndefined();
  });

  it('reads multi-user ids from JSON Light arrays and verbose results, and empty as []', () => {
    const base = { Id: 1, ClientKey: 'laering-og-trivsel', Title: 'Læring og Trivsel', UnitKind: 'coreArea' };
    expect(fromRow(unitCodec, { ...base, LeadersId: [9, 10] }).leaderIds).toEqual([9, 10]);
    expect(fromRow(unitCodec, { ...base, LeadersId: { results: [9] } }).leaderIds).toEqual([9]);
    const unit = fromRow(unitCodec, { ...base, LeadersId: null });
    expect(unit.leaderIds).toEqual([]);
    expect(unit.key).toBe('laering-og-trivsel');
  });

  it("reads a story's publishing state, author and creation time from system columns", () => {
    const story: IStory = fromRow(storyCodec, {
      Id: 3,
      ClientKey: 'c',
      Title: 'T',
      Body: '<p>x</p>',
      StoryKind: 'lesson',
      AmbitionKey: 'mod-og-stolthed',
      Featured: false,
      OData__ModerationStatus: 2,
      AuthorId: 12,
      Created: '2026-11-02T08:00:00Z',
    });
    expect(story).toMatchObject({
      moderationStatus: 2,
      authorId: 12,
      created: '2026-11-02T08:00:00Z',
      recognitionCount: 0,
      featured: false,
    });
  });

  it("reads the author's name from the expanded Author and the approver's comment, and never writes them", () => {
    const row = {
      Id: 4,
      ClientKey: 'c',
      Title: 'T',
      Body: '<p>x</p>',
      StoryKind: 'success',
      AmbitionKey: 'gode-rammer',
      Featured: false,
      OData__ModerationStatus: 1,
      OData__ModerationComments: 'Uden navne, tak.',
      AuthorId: 12,
      Author: { 'odata.type': 'SP.Data.UserInfoItem', Id: 12, Title: 'Mads Nielsen' },
    };
    const story: IStory = fromRow(storyCodec, row);
    expect(story).toMatchObject({
      authorId: 12,
      authorName: 'Mads Nielsen',
      moderationStatus: 1,
      moderationComment: 'Uden navne, tak.',
    });
    expect(fromRow(storyCodec, { ...row, Author: null, OData__ModerationComments: null })).not.toHaveProperty(
      'authorName',
    );
    expect(toFields(storyCodec, story)).not.toHaveProperty('Author');
    expect(toFields(storyCodec, story)).not.toHaveProperty('OData__ModerationComments');
    expect(
      fromRow(entities.commentCodec, {
        Id: 1,
        ClientKey: 'k',
        Body: 'Hej',
        AuthorId: 3,
        Author: { Id: 3, Title: 'Lene Madsen' },
      }).authorName,
    ).toBe('Lene Madsen');
  });

  it('finds exactly the columns that changed', () => {
    const before = toFields(initiativeCodec, initiative);
    const after = toFields(initiativeCodec, { ...initiative, title: 'Nyt', endDate: undefined });
    expect(changedFields(before, after)).toEqual(['Title', 'EndDate']);
  });
});

describe("the strategy's text as list items", () => {
  it('round-trips all five ambitions and 27 commitments word for word', () => {
    const ambitionRows = AMBITIONS.map((a, i) => ({ Id: i + 1, ...ambitionFields(a) }));
    const commitmentRows = AMBITIONS.flatMap((a) => a.commitments.map((c) => commitmentFields(a.key, c))).reverse();
    expect(commitmentRows).toHaveLength(27);
    const ambitions = assembleAmbitions(ambitionRows, commitmentRows);
    expect(
      ambitions.map((a) => ({
        key: a.key,
        order: a.order,
        title: a.title,
        introduction: a.introduction,
        quote: a.quote,
        commitments: a.commitments.map((c) => ({ key: c.key, order: c.order, text: c.text })),
      })),
    ).toEqual(
      AMBITIONS.map((a) => ({
        key: a.key,
        order: a.order,
        title: a.title,
        introduction: a.introduction,
        quote: a.quote,
        commitments: a.commitments,
      })),
    );
    for (const row of commitmentRows) expect(String(row.Title).length).toBeLessThanOrEqual(255);
  });
});
