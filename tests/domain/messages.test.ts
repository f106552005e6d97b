import {
  DOMAIN_MESSAGES,
  describeError,
  describeErrors,
  FIELD_NAMES,
  LABELS,
  labelOf,
  REFLECTION_QUESTIONS,
  resolveLocale,
  type Locale,
} from '../../src/domain';

describe('validation messages read as natural Danish', () => {
  it.each([
    [{ field: 'title', code: 'required' }, 'Titlen skal udfyldes.'],
    [
      { field: 'body', code: 'tooLong', params: { max: 255, actual: 312 } },
      'Teksten må højst være 255 tegn – den er nu 312.',
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
  ] as const)('%j → %s', (error, message) => {
    expect(describeError(error as never)).toBe(message);
  });
});

describe('validation messages in English', () => {
  it('uses the English table and number format', () => {
    expect(describeError({ field: 'title', code: 'required' }, 'en-US')).toBe('The title is required.');
    expect(describeError({ field: 'body', code: 'tooLong', params: { max: 63999, actual: 64000 } }, 'en-US')).toBe(
      'The text can be at most 63,999 characters – it is now 64,000.',
    );
    expect(
      describeErrors(
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
  const locales: Locale[] = ['da-DK', 'en-US'];

  it('has every code, field and label in both languages, without empty texts', () => {
    for (const table of [DOMAIN_MESSAGES, FIELD_NAMES, LABELS]) {
      const da = table['da-DK'] as Record<string, unknown>;
      const en = table['en-US'] as Record<string, unknown>;
      expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    }
    for (const locale of locales) {
      for (const text of Object.values(DOMAIN_MESSAGES[locale])) expect(text.trim()).not.toBe('');
      for (const group of Object.keys(LABELS[locale]) as Array<keyof (typeof LABELS)['da-DK']>) {
        expect(Object.keys(LABELS[locale][group]).sort()).toEqual(Object.keys(LABELS['da-DK'][group]).sort());
      }
    }
  });

  it('labels the stored codes in Danish', () => {
    expect(labelOf('planStatus', 'followUp')).toBe('Opfølgning');
    expect(labelOf('relevance', 'notRelevant')).toBe('Ikke relevant');
    expect(labelOf('storyKind', 'lesson')).toBe('Vi lærte af en fejl');
    expect(labelOf('publishingState', 'pending')).toBe('Afventer godkendelse');
    expect(labelOf('health', 'red', 'en-US')).toBe('Red');
    expect(labelOf('health', 'purple')).toBe('purple');
  });

  it('asks the two reflection questions word for word', () => {
    expect(REFLECTION_QUESTIONS['da-DK']).toEqual({
      contribution: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?',
      meaning: 'Hvad betyder ambitionerne for mig?',
    });
  });

  it('picks the locale from a SharePoint or Teams culture name, Danish by default', () => {
    expect(resolveLocale('da-dk')).toBe('da-DK');
    expect(resolveLocale('en-GB')).toBe('en-US');
    expect(resolveLocale('de-DE')).toBe('da-DK');
    expect(resolveLocale(undefined)).toBe('da-DK');
  });
});
