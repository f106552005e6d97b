import * as fs from 'fs';
import * as path from 'path';
import {
  AMBITIONS,
  commitmentBelongsTo,
  findAmbition,
  findCommitment,
  POLITICAL_PRIORITY_SEEDS,
  UNIT_SEEDS,
} from '../../src/domain';

// The strategy text is kept in the repository (docs/strategy, a copy of the chefgruppe's text), so a
// fresh clone tests against it; MPK_STRATEGY_PATH checks another copy (e.g. ../shared/strategy).
const STRATEGY_PATH =
  process.env.MPK_STRATEGY_PATH || path.resolve(__dirname, '..', '..', 'docs', 'strategy', 'mod-paa-kerneopgaven.md');

/** Every bullet under a "Vi vil:" line of the strategy, grouped per list. */
function readCommitmentsFromStrategy(): string[][] {
  const lines = fs.readFileSync(STRATEGY_PATH, 'utf8').split(/\r?\n/);
  const lists: string[][] = [];
  let current: string[] | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === 'Vi vil:') {
      current = [];
      lists.push(current);
    } else if (current && line.indexOf('- ') === 0) {
      current.push(line.slice(2).trim());
    } else if (current && line !== '' && current.length > 0) {
      current = undefined;
    }
  }
  return lists;
}

describe('the five ambitions are seeded from the strategy', () => {
  it("has the five ambitions in the strategy's order, with their exact Danish titles", () => {
    expect(AMBITIONS.map((a) => a.title)).toEqual([
      'Mod og stolthed',
      'Viden og faglighed',
      'Sammenhæng og samarbejde',
      'Tillid og ansvar i ledelse',
      'Gode rammer',
    ]);
    expect(AMBITIONS.map((a) => a.order)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has 5, 6, 5, 6 and 5 commitments — 27 in all', () => {
    expect(AMBITIONS.map((a) => a.commitments.length)).toEqual([5, 6, 5, 6, 5]);
    expect(AMBITIONS.reduce((n, a) => n + a.commitments.length, 0)).toBe(27);
  });

  it("contains every 'Vi vil' line of the strategy word for word, under the right ambition", () => {
    const lists = readCommitmentsFromStrategy();
    expect(lists.map((l) => l.length)).toEqual([5, 6, 5, 6, 5]);
    lists.forEach((texts, index) => {
      expect(AMBITIONS[index].commitments.map((c) => c.text)).toEqual(texts);
    });
  });

  it('keeps the wording of a few commitments exactly', () => {
    const texts = AMBITIONS.reduce<string[]>((all, a) => all.concat(a.commitments.map((c) => c.text)), []);
    expect(texts).toContain('Have mod til at stoppe de ting, der ikke virker.');
    expect(texts).toContain('Tale mere med borgeren end om borgeren – vi skal styrke samarbejdet for og med borgeren.');
    expect(texts).toContain(
      'Understøtte kompetenceudvikling af lederne med afsæt i ledelsesgrundlaget. I 2019 er der særligt fokus på: Det personlige lederskab og ledelse af kompetenceudvikling.',
    );
  });

  it('has unique, stable keys for ambitions and commitments', () => {
    const keys = AMBITIONS.map((a) => a.key).concat(...AMBITIONS.map((a) => a.commitments.map((c) => c.key)));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+$/);
  });

  it("has each ambition's quote in the strategy text", () => {
    const strategy = fs.readFileSync(STRATEGY_PATH, 'utf8');
    for (const ambition of AMBITIONS) expect(strategy).toContain(ambition.quote);
  });

  it('finds ambitions and commitments by key and knows which commitment belongs where', () => {
    expect(findAmbition('gode-rammer')?.title).toBe('Gode rammer');
    expect(findAmbition('nope')).toBeUndefined();
    expect(findCommitment('viden-og-faglighed-6')?.commitment.text).toBe(
      'Have mod til at stoppe de ting, der ikke virker.',
    );
    expect(commitmentBelongsTo('viden-og-faglighed-6', 'viden-og-faglighed')).toBe(true);
    expect(commitmentBelongsTo('viden-og-faglighed-6', 'gode-rammer')).toBe(false);
  });
});

describe('the organisation and political priorities are seeded', () => {
  it('has the six kerneområder and the two stabe', () => {
    expect(UNIT_SEEDS.filter((u) => u.kind === 'coreArea').map((u) => u.name)).toEqual([
      'Læring og Trivsel',
      'Uddannelse til Alle Unge',
      'Alle Kan Bidrage',
      'Aktiv Hele Livet',
      'Ansvar for Fremtiden',
      'Kultur, Fritid og Borgerservice',
    ]);
    expect(UNIT_SEEDS.filter((u) => u.kind === 'staff').map((u) => u.name)).toEqual([
      'Økonomi',
      'Organisationsservice',
    ]);
  });

  it('has the four headings of Kommunalbestyrelsens arbejdsprogram, exactly', () => {
    expect(POLITICAL_PRIORITY_SEEDS.map((p) => p.title)).toEqual([
      'Fælles om folkeskolen',
      'Borgere på kanten af arbejdsmarkedet – flere skal ind i arbejdsfællesskabet',
      'Ældre – styrket demensindsats og flere plejeboliger',
      'En mere grøn og bæredygtig kommune',
    ]);
    const strategy = fs.readFileSync(STRATEGY_PATH, 'utf8');
    for (const priority of POLITICAL_PRIORITY_SEEDS) expect(strategy).toContain(`- ${priority.title}`);
  });

  it('gives every seeded unit and priority a unique key', () => {
    const unitKeys = UNIT_SEEDS.map((u) => u.key);
    const priorityKeys = POLITICAL_PRIORITY_SEEDS.map((p) => p.key);
    expect(new Set(unitKeys).size).toBe(8);
    expect(new Set(priorityKeys).size).toBe(4);
  });
});
