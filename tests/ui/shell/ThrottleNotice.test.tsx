import * as React from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { DataError } from '../../../src/data/errors';
import { ThrottleWatch } from '../../../src/data/throttleState';
import { AmbitionsApp } from '../../../src/ui/ambitions/AmbitionsApp';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { ServicesContext } from '../../../src/ui/shell/services';
import { draftOwner, draftStorageKey } from '../../../src/ui/shell/drafts';
import { retryWhen, ThrottleNotice } from '../../../src/ui/shell/ThrottleNotice';
import { createFakeServices, type IFakeServices } from '../../support/fakeServices';
import { renderInShell } from '../../support/render';
import { EMPLOYEE, settle, UNITS } from '../ambitions/support';
import { FormActions } from '../../../src/ui/shell/FormActions';
import type { ISaveFlow } from '../../../src/ui/shell/useSaveFlow';
import { employeeFake, planElement } from '../plan/fixtures';
import { fakeFor as followUpFake, renderFollowUp } from '../followUp/fixtures';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());
afterEach(() => jest.useRealTimers());

function withWatch(): { services: IFakeServices; watch: ThrottleWatch } {
  const services = createFakeServices({ user: EMPLOYEE, data: { units: UNITS } });
  const watch = new ThrottleWatch();
  services.throttle = watch;
  return { services, watch };
}

function notices(): HTMLElement[] {
  return screen.queryAllByRole('status').filter((el) => el.hasAttribute('data-mpk-throttle'));
}

describe('the wait SharePoint asks for, in words', () => {
  it('says whole minutes from a minute up, seconds below, and "nu" when the time has come', () => {
    const t = strings.throttle;
    expect([250_000, 120_000, 90_000, 89_000, 60_000, 59_000, 1, 0, -500].map((ms) => retryWhen(ms, t))).toEqual([
      'om 4 min',
      'om 2 min',
      'om 2 min',
      'om 1 min',
      'om 1 min',
      'om 59 sek.',
      'om 1 sek.',
      'nu',
      'nu',
    ]);
  });

  it('appears the moment a read starts waiting, counts down, and goes when the request is tried again', () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
    const { services, watch } = withWatch();
    renderInShell(
      <ServicesContext.Provider value={services}>
        <ThrottleNotice />
      </ServicesContext.Provider>,
    );
    expect(notices()).toHaveLength(0);
    let done: () => void = () => undefined;
    act(() => {
      done = watch.begin(Date.now() + 120_000, false);
    });
    // No timer had to run: the notice is there at once.
    const [notice] = notices();
    expect(notice).toHaveTextContent('Der er travlt lige nu – prøver igen om 2 min');
    expect(notice).toHaveTextContent('Indholdet vises, så snart der er svar.');
    act(() => {
      jest.advanceTimersByTime(40_000);
    });
    expect(notices()[0]).toHaveTextContent('prøver igen om 1 min');
    act(() => {
      jest.advanceTimersByTime(66_000);
    });
    expect(notices()[0]).toHaveTextContent('prøver igen om 14 sek.');
    act(() => {
      jest.advanceTimersByTime(20_000);
    });
    expect(notices()[0]).toHaveTextContent('prøver igen nu');
    act(() => done());
    expect(notices()).toHaveLength(0);
  });

  it('a waiting save says it is not saved yet and that the person can keep working', () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
    const { services, watch } = withWatch();
    renderInShell(
      <ServicesContext.Provider value={services}>
        <ThrottleNotice />
      </ServicesContext.Provider>,
    );
    act(() => {
      watch.begin(Date.now() + 250_000, true);
    });
    expect(notices()[0]).toHaveTextContent('Der er travlt lige nu – prøver igen om 4 min');
    expect(notices()[0]).toHaveTextContent(
      'Det er ikke gemt endnu. Du kan arbejde videre imens – det, du har skrevet, bliver stående.',
    );
  });

  it('shows nothing without a watch (a shell that has none)', () => {
    renderInShell(
      <ServicesContext.Provider value={createFakeServices()}>
        <ThrottleNotice />
      </ServicesContext.Provider>,
    );
    expect(notices()).toHaveLength(0);
  });
});

describe('the ambitions app while SharePoint throttles', () => {
  it('a first view that is throttled says so instead of only spinning', async () => {
    const { services, watch } = withWatch();
    const release = services.hold('views.loadAmbitionsView');
    renderInShell(
      <ServicesContext.Provider value={services}>
        <AmbitionsApp />
      </ServicesContext.Provider>,
    );
    act(() => {
      watch.begin(Date.now() + 180_000, false);
    });
    const [notice] = notices();
    expect(notice).toHaveTextContent('Der er travlt lige nu – prøver igen om 3 min');
    expect(notice).toHaveTextContent('Indholdet vises, så snart der er svar.');
    await act(async () => {
      release();
    });
    await settle();
  });

  it('a throttled save shows its wait in the form, keeps every field editable and, when it finally fails, loses nothing', async () => {
    const user = userEvent.setup();
    const { services, watch } = withWatch();
    renderInShell(
      <ServicesContext.Provider value={services}>
        <AmbitionsApp />
      </ServicesContext.Provider>,
    );
    await settle();
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Skriv en hverdagshistorie' }));
    });
    const form = screen.getByRole('form', { name: 'Skriv en hverdagshistorie' });
    const editor = await within(form).findByRole('textbox', { name: 'Historien' });
    const title = within(form).getByRole('textbox', { name: /^Titel/ });
    await act(async () => {
      await user.type(title, 'Mens SharePoint har travlt');
      await user.click(editor);
      await user.keyboard('Teksten må ikke gå tabt.');
      await user.click(within(form).getByRole('radio', { name: 'Det lykkedes' }));
      await user.selectOptions(within(form).getByRole('combobox', { name: /^Ambition/ }), 'Gode rammer');
    });

    const release = services.hold('stories.create');
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Send til godkendelse' }));
    });
    let done: () => void = () => undefined;
    act(() => {
      done = watch.begin(Date.now() + 120_000, true);
    });
    // The form says it, once: the app's own notice leaves the save to the form.
    expect(notices()).toHaveLength(1);
    const notice = within(form).getByRole('status');
    expect(notice).toHaveTextContent('Der er travlt lige nu – prøver igen om 2 min');
    expect(notice).toHaveTextContent('Det er ikke gemt endnu.');
    // Nothing typed is touched, and the person can keep typing while the save waits.
    await act(async () => {
      await user.type(title, '!');
    });
    expect(title).toHaveValue('Mens SharePoint har travlt!');
    expect(editor).toHaveTextContent('Teksten må ikke gå tabt.');

    // SharePoint still throttles after the last attempt.
    services.failNext('stories.create', new DataError('throttled', { status: 429 }));
    await act(async () => {
      done();
      release();
    });
    await settle();
    expect(notices()).toHaveLength(0);
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('Der er travlt lige nu. Prøv igen om lidt – intet er gået tabt.');
    expect(title).toHaveValue('Mens SharePoint har travlt!');
    expect(editor).toHaveTextContent('Teksten må ikke gå tabt.');
    expect(
      JSON.parse(window.localStorage.getItem(draftStorageKey(draftOwner(EMPLOYEE), 'story:new')) || '{}').title,
    ).toBe('Mens SharePoint har travlt!');
  });
});

describe('the plan and follow-up apps while SharePoint throttles', () => {
  it('the plan says a throttled first view is waiting, under its heading', async () => {
    const services = employeeFake();
    const watch = new ThrottleWatch();
    services.throttle = watch;
    const release = services.hold('views.loadPlanView');
    renderInShell(planElement(services));
    act(() => {
      watch.begin(Date.now() + 70_000, false);
    });
    const section = screen.getByRole('region', { name: 'Ambitionsplan' });
    const [notice] = notices();
    expect(section).toContainElement(notice);
    expect(notice).toHaveTextContent('Der er travlt lige nu – prøver igen om 1 min');
    await act(async () => {
      release();
    });
    await settle();
  });

  it('"Opfølgning" says a throttled first view is waiting', async () => {
    const services = followUpFake();
    const watch = new ThrottleWatch();
    services.throttle = watch;
    const release = services.hold('views.loadFollowUpView');
    renderFollowUp(services);
    act(() => {
      watch.begin(Date.now() + 240_000, false);
    });
    expect(notices()[0]).toHaveTextContent('Der er travlt lige nu – prøver igen om 4 min');
    await act(async () => {
      release();
    });
    await settle();
  });

  it("a plan form's actions show its waiting save while it is busy, and the app's notice steps aside", () => {
    const services = employeeFake();
    const watch = new ThrottleWatch();
    services.throttle = watch;
    const flow = (busy: boolean): ISaveFlow<{ title: string }> => ({
      busy,
      error: undefined,
      conflict: undefined,
      run: async () => undefined,
      resolve: async () => undefined,
      dismissError: () => undefined,
    });
    const view = (busy: boolean): React.ReactElement => (
      <ServicesContext.Provider value={services}>
        <ThrottleNotice />
        <form aria-label="Indsats">
          <FormActions flow={flow(busy)} texts={{ failed: 'Ikke gemt', saving: 'Gemmer …' }} submitLabel="Gem" />
        </form>
      </ServicesContext.Provider>
    );
    const { rerender } = renderInShell(view(false));
    act(() => {
      watch.begin(Date.now() + 120_000, true);
    });
    // Not busy: the write is someone else's (a recognition, a note): the app's notice says it.
    expect(notices().map((n) => n.getAttribute('data-mpk-throttle'))).toEqual(['view']);
    rerender(<MpkRoot strings={strings}>{view(true)}</MpkRoot>);
    expect(notices().map((n) => n.getAttribute('data-mpk-throttle'))).toEqual(['save']);
    expect(within(screen.getByRole('form', { name: 'Indsats' })).getByRole('status')).toHaveTextContent(
      'Der er travlt lige nu – prøver igen om 2 min',
    );
  });
});
