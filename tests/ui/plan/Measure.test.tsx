import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IInitiative } from '../../../src/domain/model';
import { card, fakeFor, openCard, planData, renderPlan, settle } from './fixtures';
import { typeDate } from '../../support/dates';

jest.setTimeout(30000);

/** Trivselsmåling (11) measured in point, higher is better, 20 → 50 over 2026; its check-ins measured 26 and 32. */
function measuredData(): ReturnType<typeof planData> {
  const data = planData();
  const initiatives = data.initiatives as IInitiative[];
  Object.assign(initiatives[0], {
    measureWhat: 'Trivsel i dagtilbud',
    measureUnit: 'point',
    measureDirection: 'higher',
    measureBaseline: 20,
    measureBaselineDate: '2026-01-01',
    measureTarget: 50,
    measureTargetDate: '2026-12-31',
  });
  const checkIns = data.checkIns as Array<{ measuredValue?: number }>;
  checkIns[0].measuredValue = 26;
  checkIns[1].measuredValue = 32;
  return data;
}

const MEASURE_FIELDS = [
  'measureWhat',
  'measureUnit',
  'measureDirection',
  'measureBaseline',
  'measureBaselineDate',
  'measureTarget',
  'measureTargetDate',
] as const;

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  window.localStorage.clear();
  user = userEvent.setup({ delay: null });
});

describe('an initiative’s measurable success criterion', () => {
  it('is offered behind a switch, checked field by field with the field named, and saved with Danish numbers', async () => {
    const services = fakeFor();
    await renderPlan(services);
    const netvaerk = await openCard('Fælles faglige netværk');
    await act(async () => {
      await user.click(within(netvaerk).getByRole('button', { name: 'Redigér' }));
    });
    const form = within(netvaerk).getByRole('form', { name: /^Redigér/ });
    expect(within(form).getByRole('group', { name: 'Målbart succeskriterium' })).toBeInTheDocument();
    expect(within(form).queryByRole('textbox', { name: /Hvad måler I/ })).toBeNull();
    // The free-text criterion stays.
    expect(within(form).getByRole('textbox', { name: /^Succeskriterium – / })).toBeInTheDocument();

    await act(async () => {
      await user.click(within(form).getByRole('checkbox', { name: 'Succeskriteriet kan måles' }));
      await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
    });
    expect(within(form).getByText('Udfyld »Hvad måler I?«.')).toBeInTheDocument();
    expect(within(form).getByText('Udfyld »Måleenhed«.')).toBeInTheDocument();
    expect(within(form).getByText('Udfyld »Udgangspunkt«.')).toBeInTheDocument();
    expect(within(form).getByText('Udfyld »Dato for målet«.')).toBeInTheDocument();
    expect(services.calls).not.toContain('initiatives.update');

    await act(async () => {
      await user.type(within(form).getByRole('textbox', { name: /Hvad måler I/ }), 'Andel med fast sparring');
    });
    fireEvent.change(within(form).getByRole('combobox', { name: /Måleenhed/ }), { target: { value: 'other' } });
    await act(async () => {
      await user.click(within(form).getByRole('radio', { name: 'Lavere er bedre' }));
      await user.type(within(form).getByRole('textbox', { name: /^Udgangspunkt/ }), 'fyrre');
      await user.type(within(form).getByRole('textbox', { name: /^Mål( \*)?$/ }), '60');
    });
    typeDate(within(form).getByLabelText(/Dato for udgangspunkt/), '1.3.2026');
    typeDate(within(form).getByLabelText(/Dato for målet/), '1.2.2026');
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
    });
    // A unit of one's own is asked for by the unit's name, next to its own field.
    const otherUnit = within(form).getByRole('textbox', { name: /Skriv måleenheden/ });
    expect(otherUnit).toHaveAccessibleDescription(expect.stringContaining('Udfyld »Måleenhed«.'));
    expect(within(form).getByText('»Udgangspunkt« skal være et tal, fx 12,5 eller 1.234.')).toBeInTheDocument();
    expect(within(form).getByText('Datoen for målet skal ligge efter datoen for udgangspunktet.')).toBeInTheDocument();
    expect(services.calls).not.toContain('initiatives.update');
    // Nothing typed is lost.
    expect(within(form).getByRole('textbox', { name: /Hvad måler I/ })).toHaveValue('Andel med fast sparring');
    expect(within(form).getByRole('textbox', { name: /^Mål( \*)?$/ })).toHaveValue('60');

    await act(async () => {
      await user.type(otherUnit, 'timer');
      const baseline = within(form).getByRole('textbox', { name: /^Udgangspunkt/ });
      await user.clear(baseline);
      await user.type(baseline, '40,5');
    });
    typeDate(within(form).getByLabelText(/Dato for målet/), '1.12.2026');
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
    });
    // Lower is better, so a target of 60 from 40,5 is the wrong way.
    expect(
      within(form).getByText(
        'Målet skal være bedre end udgangspunktet: højere, når højere er bedre, og lavere, når lavere er bedre.',
      ),
    ).toBeInTheDocument();
    await act(async () => {
      await user.click(within(form).getByRole('radio', { name: 'Højere er bedre' }));
      await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
    });
    await settle();
    expect(services.data.initiatives.find((i) => i.id === 12)).toMatchObject({
      measureWhat: 'Andel med fast sparring',
      measureUnit: 'timer',
      measureDirection: 'higher',
      measureBaseline: 40.5,
      measureBaselineDate: '2026-03-01',
      measureTarget: 60,
      measureTargetDate: '2026-12-01',
    });
  });

  it('keeps the typed measure in the draft across a reload', async () => {
    const services = fakeFor();
    const first = await renderPlan(services);
    await act(async () => {
      await user.click(within(await openCard('Fælles faglige netværk')).getByRole('button', { name: 'Redigér' }));
    });
    await act(async () => {
      const form = within(card('Fælles faglige netværk')).getByRole('form', { name: /^Redigér/ });
      await user.click(within(form).getByRole('checkbox', { name: 'Succeskriteriet kan måles' }));
      await user.type(within(form).getByRole('textbox', { name: /Hvad måler I/ }), 'Deltagere pr. møde');
      await user.type(within(form).getByRole('textbox', { name: /^Udgangspunkt/ }), '7,5');
    });
    first.unmount();

    await renderPlan(services);
    const form = within(card('Fælles faglige netværk')).getByRole('form', { name: /^Redigér/ });
    expect(within(form).getByText('Din kladde er hentet frem igen.')).toBeInTheDocument();
    expect(within(form).getByRole('checkbox', { name: 'Succeskriteriet kan måles' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /Hvad måler I/ })).toHaveValue('Deltagere pr. møde');
    expect(within(form).getByRole('textbox', { name: /^Udgangspunkt/ })).toHaveValue('7,5');
  });

  it('opens with the stored measure, and switching it off empties all seven fields on save', async () => {
    const services = fakeFor({ data: measuredData() });
    await renderPlan(services);
    const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
    await act(async () => {
      await user.click(within(trivsel).getByRole('button', { name: 'Redigér' }));
    });
    const form = within(trivsel).getByRole('form', { name: /^Redigér/ });
    const enabled = within(form).getByRole('checkbox', { name: 'Succeskriteriet kan måles' });
    expect(enabled).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /Hvad måler I/ })).toHaveValue('Trivsel i dagtilbud');
    expect(within(form).getByRole('combobox', { name: /Måleenhed/ })).toHaveValue('point');
    expect(within(form).getByRole('radio', { name: 'Højere er bedre' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: /^Udgangspunkt/ })).toHaveValue('20');

    await act(async () => {
      await user.click(enabled);
      await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
    });
    await settle();
    const saved = services.data.initiatives.find((i) => i.id === 11) as unknown as Record<string, unknown>;
    for (const field of MEASURE_FIELDS) expect(saved[field]).toBeUndefined();
    expect(saved.successMeasure).toBe('Trivslen stiger i næste måling.');
    // Without a measure the card shows the check-in's own progress again.
    expect(
      within(card('Trivselsmåling i alle dagtilbud')).getByText(/20\.02\.2026, 35 % gennemført/),
    ).toBeInTheDocument();
    expect(within(card('Trivselsmåling i alle dagtilbud')).queryByText(/Seneste måling/)).toBeNull();
  });
});

describe('a measured initiative', () => {
  it('shows on its card the progress of the latest value, the value against the target, and whether it is on track', async () => {
    const services = fakeFor({ data: measuredData() });
    await renderPlan(services);
    const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
    // 32 of 20 → 50 is 40 % of the way (the check-in itself said 35 %).
    expect(within(trivsel).getByText(/seneste status 20\.02\.2026, 40 % gennemført/)).toBeInTheDocument();
    expect(
      within(trivsel).getByText('Seneste måling: 32 point (20.02.2026) · mål 50 point · Følger planen'),
    ).toBeInTheDocument();
    // An initiative without a measure is as before.
    expect(within(card('Fælles faglige netværk')).queryByText(/Seneste måling/)).toBeNull();
  });

  it('takes a measured value with a check-in and fills in the progress it means', async () => {
    const services = fakeFor({ data: measuredData() });
    await renderPlan(services);
    const trivsel = card('Trivselsmåling i alle dagtilbud');
    await act(async () => {
      await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
    });
    await settle();
    const form = within(trivsel).getByRole('form', { name: 'Ny statusmelding' });
    const value = within(form).getByRole('textbox', { name: 'Målt værdi (point)' });
    const progress = within(form).getByRole('spinbutton', { name: /Fremdrift/ });
    expect(progress).toHaveAccessibleDescription(expect.stringContaining('Fremdriften følger målingen'));

    await act(async () => {
      await user.type(value, '35,5');
    });
    // (35,5 − 20) / (50 − 20) = 52 %.
    expect(progress).toHaveValue(52);
    await act(async () => {
      await user.clear(progress);
      await user.type(progress, '50');
      await user.clear(value);
      await user.type(value, 'cirka 35');
      await user.click(within(form).getByRole('radio', { name: 'Grøn' }));
      await user.click(within(form).getByRole('button', { name: 'Gem statusmelding' }));
    });
    expect(within(form).getByText('»Målt værdi« skal være et tal, fx 12,5 eller 1.234.')).toBeInTheDocument();
    expect(services.calls).not.toContain('checkIns.create');
    // The person's own progress stays until a number is read.
    expect(progress).toHaveValue(50);

    await act(async () => {
      await user.clear(value);
      await user.type(value, '35,5');
      await user.click(within(form).getByRole('button', { name: 'Gem statusmelding' }));
    });
    await settle();
    expect(services.data.checkIns.find((c) => c.date === '2026-03-10')).toMatchObject({
      initiativeId: 11,
      health: 'green',
      progress: 52,
      measuredValue: 35.5,
    });
    expect(
      within(trivsel).getByText('Seneste måling: 35,5 point (10.03.2026) · mål 50 point · Følger planen'),
    ).toBeInTheDocument();
  });

  it('draws the values against the line to the target, described in one sentence and listed in a table', async () => {
    const services = fakeFor({ data: measuredData() });
    await renderPlan(services);
    const trivsel = card('Trivselsmåling i alle dagtilbud');
    await act(async () => {
      await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
    });
    await settle();
    const chart = await within(trivsel).findByRole('img', { name: /Målinger over tid/ });
    expect(chart).toHaveAccessibleName(
      'Målinger over tid Fra 20 point (01.01.2026) mod målet 50 point (31.12.2026). 2 målinger, seneste 32 point (20.02.2026): Følger planen.',
    );
    expect(within(trivsel).getByText('Trivsel i dagtilbud (point)')).toBeInTheDocument();
    const table = within(trivsel).getByRole('table', { name: 'Målte værdier og vejen til målet' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('15.01.2026');
    expect(rows[1]).toHaveTextContent('26 point');
    expect(rows[2]).toHaveTextContent('32 point');
    expect(within(trivsel).getByText('Vejen fra udgangspunkt til mål')).toBeInTheDocument();
    // The check-in chart is still there.
    expect(within(trivsel).getByRole('img', { name: /Fremdrift over tid/ })).toBeInTheDocument();
    expect(screen.queryAllByRole('img', { name: /Målinger over tid/ })).toHaveLength(1);
  });
});
