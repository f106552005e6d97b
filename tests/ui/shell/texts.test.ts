import { LABEL_GROUPS } from '../../../src/domain';
import { DataError } from '../../../src/data/errors';
import { dataErrorText, describeError, describeErrors, labelOf, messagesByField } from '../../../src/ui/shell/texts';
import { danish, english } from '../../support/strings';

describe('validation messages read as natural Danish', () => {
  it.each([
    [{ field: 'title', code: 'required' }, 'Titlen skal udfyldes.'],
    [
      { field: 'body', code: 'tooLong', params: { max: 255, actual: 312 } },
      'Historien må højst være 255 tegn – den er nu 312.',
    ],
    [
      { field: 'successMeasure', code: 'tooLong', params: { max: 63999, actual: 64012 } },
      'Succeskriteriet må højst være 63.999 tegn – det er nu 64.012.',
    ],
    [{ field: 'unitId', code: 'selectionRequired' }, 'Vælg enheden.'],
    [{ field: 'endDate', code: 'endBeforeStart' }, 'Slutdatoen kan ikke ligge før startdatoen.'],
    [{ field: 'dueDate', code: 'invalidDate' }, 'Fristen er ikke en gyldig dato.'],
    [{ field: 'progress', code: 'outOfRange', params: { min: 0, max: 100 } }, 'Fremdriften skal være mellem 0 og 100.'],
    [
      { field: 'commitmentKey', code: 'unknownCommitment' },
      'Det valgte »Vi vil«-punkt findes ikke. Vælg et fra listen.',
    ],
    [
      { field: 'stopReason', code: 'stopReasonRequired' },
      'Skriv, hvorfor indsatsen stoppes – det er også værdifuld viden for andre.',
    ],
    [
      { field: 'title', code: 'containsCpr', params: { masked: '010190-XXXX' } },
      'Titlen ser ud til at indeholde et CPR-nummer (010190-XXXX). Personnumre må ikke skrives her – fjern det, før du gemmer.',
    ],
    [
      { field: 'status', code: 'invalidTransition', params: { from: 'draft', to: 'closed', enum: 'planStatus' } },
      'Status kan ikke skifte fra »Kladde« til »Afsluttet«.',
    ],
    [
      { field: 'relevance', code: 'invalidOption', params: { value: 'very', enum: 'relevance' } },
      '»very« er ikke en gyldig værdi for relevansen.',
    ],
    [{ field: 'leaderIds[2]', code: 'invalidReference' }, 'Lederne henviser ikke til noget, der findes. Vælg igen.'],
    [{ field: 'somethingNew', code: 'required' }, 'Feltet skal udfyldes.'],
    // A label that is a question ("Hvordan går det?") has its own words.
    [{ field: 'health', code: 'selectionRequired' }, 'Vælg, hvordan det går.'],
    [
      { field: 'health', code: 'invalidOption', params: { value: 'blue', enum: 'health' } },
      '»blue« er ikke en gyldig værdi for svaret på »Hvordan går det?«.',
    ],
  ] as const)('%j → %s', (error, message) => {
    expect(describeError(danish, error as never)).toBe(message);
  });
});

describe('a form that labels a shared field its own way', () => {
  it('names the field as its own label does', () => {
    const error = { field: 'body', code: 'required' } as const;
    expect(describeError(danish, error)).toBe('Historien skal udfyldes.');
    const names = { body: danish.validation.fields.comment };
    expect(messagesByField(danish, [error], 'da-DK', names)).toEqual({ body: 'Kommentaren skal udfyldes.' });
  });
});

describe('validation messages in English', () => {
  it('uses the English table and number format', () => {
    expect(describeError(english, { field: 'title', code: 'required' }, 'en-US')).toBe('The title is required.');
    expect(
      describeError(english, { field: 'body', code: 'tooLong', params: { max: 63999, actual: 64000 } }, 'en-US'),
    ).toBe('The story can be at most 63,999 characters – it is now 64,000.');
    expect(
      describeErrors(
        english,
        [
          {
            field: 'status',
            code: 'invalidTransition',
            params: { from: 'open', to: 'inProgress', enum: 'taskStatus' },
          },
        ],
        'en-US',
      ),
    ).toEqual(['The status cannot change from “Open” to “In progress”.']);
  });
});

describe('the message tables are complete', () => {
  it('has every code, field and label in both languages, without empty texts', () => {
    const tables = (strings: IMpkStrings): Array<Record<string, unknown>> => [
      strings.validation.messages,
      strings.validation.fields,
      strings.labels as unknown as Record<string, unknown>,
    ];
    tables(danish).forEach((da, i) => expect(Object.keys(tables(english)[i]).sort()).toEqual(Object.keys(da).sort()));
    for (const strings of [danish, english]) {
      for (const text of Object.values(strings.validation.messages)) expect(text.trim()).not.toBe('');
      expect(Object.keys(strings.labels).sort()).toEqual([...LABEL_GROUPS].sort());
      for (const group of LABEL_GROUPS) {
        expect(Object.keys(strings.labels[group]).sort()).toEqual(Object.keys(danish.labels[group]).sort());
      }
    }
  });

  it('labels the stored codes in Danish', () => {
    expect(labelOf(danish, 'planStatus', 'followUp')).toBe('Følges op');
    expect(labelOf(danish, 'relevance', 'notRelevant')).toBe('Ikke relevant');
    expect(labelOf(danish, 'storyKind', 'lesson')).toBe('Vi lærte af en fejl');
    expect(labelOf(danish, 'publishingState', 'pending')).toBe('Afventer godkendelse');
    expect(labelOf(english, 'health', 'red')).toBe('Red');
    expect(labelOf(danish, 'health', 'purple')).toBe('purple');
  });

  it('asks the two reflection questions word for word', () => {
    expect(danish.reflectionQuestions).toEqual({
      contribution: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?',
      meaning: 'Hvad betyder ambitionerne for mig?',
    });
  });
});

describe('codes become text only in the UI, with the strings it is given', () => {
  it('gives each field its first message, under the field without an index', () => {
    expect(
      messagesByField(
        danish,
        [
          { field: 'leaderIds[1]', code: 'invalidReference' },
          { field: 'title', code: 'required' },
          { field: 'title', code: 'tooLong', params: { max: 255, actual: 300 } },
        ],
        'da-DK',
      ),
    ).toEqual({
      leaderIds: 'Lederne henviser ikke til noget, der findes. Vælg igen.',
      title: 'Titlen skal udfyldes.',
    });
  });

  it("words a DataError by its reason in the strings' language", () => {
    const error = new DataError('throttled');
    expect(dataErrorText(danish, error)).toBe('Der er travlt lige nu. Prøv igen om lidt – intet er gået tabt.');
    expect(dataErrorText(english, error)).toBe('It is busy right now. Try again in a moment – nothing has been lost.');
  });
});
