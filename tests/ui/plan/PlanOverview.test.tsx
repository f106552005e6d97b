import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { card, employeeFake, fakeFor, openCard, renderPlan, settle } from './fixtures';

// NOW is 10 March 2026: "Trivselsmåling" (Mod og stolthed) last reported yellow on 20 February, 18 days ago;
// "Fælles faglige netværk" (Viden og faglighed) is planned without a start date or a check-in.

beforeEach(() => window.localStorage.clear());

function overview(): HTMLElement {
  return screen.getByRole('region', { name: 'Planen på et øjeblik' });
}

function overviewRow(ambition: string): HTMLElement {
  const link = within(overview()).getByRole('link', { name: ambition });
  return link.closest('li') as HTMLElement;
}

describe('the plan at a glance', () => {
  it('sits below the header with one row per ambition, in the ambitions order', async () => {
    await renderPlan(fakeFor());
    const rows = within(overview()).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Mod og stolthed',
      'Viden og faglighed',
      'Sammenhæng og samarbejde',
      'Tillid og ansvar i ledelse',
      'Gode rammer',
    ]);
  });

  it('tells relevance, the number of initiatives, their health in words, the latest check-in and what needs attention', async () => {
    await renderPlan(fakeFor());
    const mod = overviewRow('Mod og stolthed');
    expect(within(mod).getByText('Relevans: Høj')).toBeInTheDocument();
    expect(within(mod).getByText('1 indsats')).toBeInTheDocument();
    expect(within(mod).getByRole('group', { name: 'Vurderinger' })).toHaveTextContent('Gul: 1');
    expect(within(mod).getByText('Seneste statusmelding 20.02.2026')).toBeInTheDocument();
    expect(mod).toHaveTextContent(
      'Kræver opmærksomhed: 1 indsats uden statusmelding i 14 dage · 1 indsats vurderet gul',
    );

    const viden = overviewRow('Viden og faglighed');
    expect(within(viden).getByText('Relevans ikke vurderet')).toBeInTheDocument();
    expect(within(viden).getByRole('group', { name: 'Vurderinger' })).toHaveTextContent('Uden vurdering: 1');
    expect(within(viden).getByText('Ingen statusmeldinger endnu')).toBeInTheDocument();
    expect(viden).toHaveTextContent('Kræver opmærksomhed: 1 indsats uden statusmelding i 14 dage');

    const rammer = overviewRow('Gode rammer');
    expect(within(rammer).getByText('Ingen indsatser endnu')).toBeInTheDocument();
    expect(within(rammer).queryByText(/Kræver opmærksomhed/)).toBeNull();
  });

  it('jumps to the ambition: focus moves to its heading, by mouse and by keyboard', async () => {
    await renderPlan(fakeFor());
    const user = userEvent.setup();
    await act(async () => {
      await user.click(within(overview()).getByRole('link', { name: 'Viden og faglighed' }));
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Viden og faglighed' }));

    within(overview()).getByRole('link', { name: 'Gode rammer' }).focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Gode rammer' }));
  });
});

describe('an initiative as a compact row', () => {
  it('shows status, health, progress and owner closed, and its details only when opened', async () => {
    await renderPlan(fakeFor());
    const trivsel = card('Trivselsmåling i alle dagtilbud');
    expect(within(trivsel).getByText('I gang')).toBeInTheDocument();
    expect(within(trivsel).getByText('Gul')).toBeInTheDocument();
    expect(within(trivsel).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '35');
    expect(within(trivsel).getByText('Lene Leder (dig)')).toBeInTheDocument();
    expect(within(trivsel).queryByText('Trivslen stiger i næste måling.')).toBeNull();
    expect(within(trivsel).queryByRole('button', { name: 'Redigér' })).toBeNull();

    const toggle = within(trivsel).getByRole('button', { name: 'Vis detaljer' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await openCard('Trivselsmåling i alle dagtilbud');
    expect(within(trivsel).getByRole('button', { name: 'Skjul detaljer' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(trivsel).getByText('Trivslen stiger i næste måling.')).toBeInTheDocument();
    expect(document.getElementById(toggle.getAttribute('aria-controls') as string)).toBeInTheDocument();
  });

  it('reaches its actions by keyboard from the disclosure, in order', async () => {
    await renderPlan(fakeFor());
    const user = userEvent.setup();
    const trivsel = card('Trivselsmåling i alle dagtilbud');
    within(trivsel).getByRole('button', { name: 'Vis detaljer' }).focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    await settle();
    // The opened details hold the check-in form's date picker, whose focus library (tabster) puts its own elements
    // around the page: jsdom cannot move through them with Tab, so the order is read as Tab takes it — the focusable
    // elements after the disclosure in document order (none has a positive tabindex). The browser test tabs for real.
    const focusable = Array.from(
      trivsel.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]'),
    ).filter((el) => el.tabIndex >= 0 && !el.hasAttribute('disabled') && !el.hasAttribute('data-tabster-dummy'));
    const toggle = within(trivsel).getByRole('button', { name: 'Skjul detaljer' });
    const after = focusable.slice(focusable.indexOf(toggle) + 1);
    const reached = after.slice(0, 3).map((el) => el.textContent ?? '');
    expect(reached).toEqual(['Redigér', 'Stop indsats', 'Del i kanal']);
    after[0].focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    await settle();
    expect(
      within(trivsel).getByRole('form', { name: 'Redigér »Trivselsmåling i alle dagtilbud«' }),
    ).toBeInTheDocument();
  });

  it('offers a read-only reader no actions in the opened details, only sharing and the dialog', async () => {
    await renderPlan(employeeFake());
    const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
    expect(within(trivsel).queryByRole('button', { name: 'Redigér' })).toBeNull();
    expect(within(trivsel).queryByRole('button', { name: 'Stop indsats' })).toBeNull();
    expect(within(trivsel).getByRole('button', { name: 'Del i kanal' })).toBeInTheDocument();
    expect(within(trivsel).getByRole('textbox', { name: 'Din kommentar' })).toBeInTheDocument();
  });
});
