import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { rememberedUnitId } from '../../../src/ui/plan/unitChoice';
import { draftOwner, draftStorageKey } from '../../../src/ui/shell/drafts';
import { createFakeServices } from '../../support/fakeServices';
import {
  ambitionSection,
  card,
  openCard,
  CHANNEL,
  employeeFake,
  fakeFor,
  LEADER,
  now,
  OWNER,
  planData,
  planElement,
  renderPlan,
  settle,
  TEAM,
} from './fixtures';
import { typeDate } from '../../support/dates';

jest.setTimeout(30000);

/**
 * The open share dialog, found by its title. Tabster in jsdom sometimes marks the open modal
 * aria-hidden after earlier tests moved focus around, and the dialog's name (from its title) then
 * computes as empty; the browser test checks the real dialog's accessibility.
 */
async function shareDialog(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, {}, { timeout: 10000 });
  const dialog = heading.closest('[role="dialog"]');
  if (!dialog) throw new Error(`${title}: not in a dialog`);
  return dialog as HTMLElement;
}

const LEADER_VALUE = { id: LEADER.id, title: LEADER.displayName, email: LEADER.email };

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  window.localStorage.clear();
  user = userEvent.setup({ delay: null });
});

describe('PlanApp', () => {
  describe('the first view', () => {
    it('is exactly one call for the whole plan, and shows the unit, period, status and all five ambitions', async () => {
      const services = fakeFor();
      await renderPlan(services);

      expect(services.calls).toEqual(['views.loadPlanView']);
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
        'Planen på et øjeblik',
        'Mod og stolthed',
        'Viden og faglighed',
        'Sammenhæng og samarbejde',
        'Tillid og ansvar i ledelse',
        'Gode rammer',
      ]);
      expect(screen.getByText('2026')).toBeInTheDocument();
      expect(screen.getByText('Kladde')).toBeInTheDocument();
      expect(screen.getAllByText('Lene Leder (dig)')[0].closest('dd')?.previousElementSibling).toHaveTextContent(
        'Ansvarlig for planen',
      );
    });

    it('shows relevance and local meaning per ambition, and each initiative under its own ambition', async () => {
      await renderPlan(fakeFor());
      const mod = ambitionSection('Mod og stolthed');
      expect(within(mod).getByText('Høj')).toBeInTheDocument();
      expect(within(mod).getByText('Vi fortæller om det, der lykkes i dagtilbuddene.')).toBeInTheDocument();
      expect(within(mod).getByRole('article', { name: 'Trivselsmåling i alle dagtilbud' })).toBeInTheDocument();
      expect(
        within(ambitionSection('Viden og faglighed')).getByRole('article', { name: 'Fælles faglige netværk' }),
      ).toBeInTheDocument();
      expect(within(ambitionSection('Gode rammer')).getByText('Ikke vurderet endnu')).toBeInTheDocument();
    });

    it('shows an initiative with its commitment, political priority, owner, dates, success measure and latest health in words', async () => {
      await renderPlan(fakeFor());
      const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
      expect(within(trivsel).getByText('I gang')).toBeInTheDocument();
      expect(within(trivsel).getByText(/Via arbejdspladsvurdering og trivselsmåling/)).toBeInTheDocument();
      expect(within(trivsel).getByText('Fælles om folkeskolen')).toBeInTheDocument();
      expect(within(trivsel).getByText('05.01.2026 – 18.12.2026')).toBeInTheDocument();
      expect(within(trivsel).getByText('Trivslen stiger i næste måling.')).toBeInTheDocument();
      // In the compact row, and again in the opened check-in history.
      expect(within(trivsel).getAllByText('Gul')[0]).toBeInTheDocument();
      expect(
        within(trivsel).getByRole('progressbar', { name: 'Fremdrift for »Trivselsmåling i alle dagtilbud«' }),
      ).toHaveAttribute('aria-valuenow', '35');
      expect(within(trivsel).getByText(/seneste status 20\.02\.2026, 35 % gennemført/)).toBeInTheDocument();
      expect(within(trivsel).getByText('1 kommentar')).toBeInTheDocument();
    });
  });

  describe('when the lists are missing', () => {
    it('lets a site owner prepare the site and then loads the plan', async () => {
      const services = fakeFor({ user: OWNER, provisioned: false, permissions: { isSiteOwner: true } });
      await renderPlan(services);
      const button = screen.getByRole('button', { name: 'Klargør site' });
      await act(async () => {
        await user.click(button);
      });
      await settle();
      expect(services.calls).toContain('provisioning.provision');
      expect(services.calls.filter((c) => c === 'views.loadPlanView')).toHaveLength(2);
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Sitet er klargjort'));
    });

    it('tells everybody else in Danish, without the button', async () => {
      await renderPlan(employeeFake({ provisioned: false }));
      expect(
        screen.getByText(/kan tages i brug, når en administrator har sat Mod på kerneopgaven op/),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Klargør site' })).toBeNull();
    });
  });

  describe('on a SharePoint page without a unit', () => {
    it('tells the editor to pick a unit in the web part settings, and a site owner can pick one here', async () => {
      const onUnitChange = jest.fn();
      const services = fakeFor({ user: OWNER, permissions: { isSiteOwner: true } });
      await renderPlan(services, { unitId: undefined, onUnitChange });
      expect(screen.getByRole('heading', { name: 'Vælg en enhed i webdelens indstillinger' })).toBeInTheDocument();
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '1' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis planen' }));
      });
      await settle();
      expect(onUnitChange).toHaveBeenCalledWith(1);
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
    });

    it('gives a reader the note only', async () => {
      await renderPlan(employeeFake(), { unitId: undefined });
      expect(screen.getByText(/Redigér siden, åbn webdelens indstillinger/)).toBeInTheDocument();
      expect(screen.queryByRole('combobox')).toBeNull();
    });
  });

  describe('in a Teams channel tab', () => {
    it('lets the data layer find the unit mapped to the channel, remembers it, and sends it along on the next visit', async () => {
      const services = fakeFor();
      const load = jest.spyOn(services.views, 'loadPlanView');
      const teams = { channelId: CHANNEL, channelName: 'Ledergruppen', teamId: TEAM };
      const first = await renderPlan(services, { host: 'teams-channel', unitId: undefined, teams });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
      expect(services.calls).toEqual(['views.loadPlanView']);
      expect(load).toHaveBeenCalledWith({ channelId: CHANNEL });
      expect(rememberedUnitId('teams-channel', CHANNEL)).toBe(1);
      first.unmount();

      services.calls.length = 0;
      load.mockClear();
      await renderPlan(services, { host: 'teams-channel', unitId: undefined, teams });
      expect(services.calls).toEqual(['views.loadPlanView']);
      expect(load).toHaveBeenCalledWith({ channelId: CHANNEL, unitId: 1 });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
    });

    it('takes the unit from the tab configuration: one call in a browser that remembers nothing', async () => {
      const services = fakeFor();
      const load = jest.spyOn(services.views, 'loadPlanView');
      await renderPlan(services, {
        host: 'teams-channel',
        unitId: 1,
        teams: { channelId: '19:ikke-i-enhedslisten@thread.tacv2' },
      });
      expect(services.calls).toEqual(['views.loadPlanView']);
      expect(load).toHaveBeenCalledWith({ unitId: 1 });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
    });

    it('tells an employee to ask a leader when the tab was set up for a unit that no longer exists', async () => {
      await renderPlan(employeeFake(), {
        host: 'teams-channel',
        unitId: 999,
        teams: { channelId: '19:ny@thread.tacv2' },
      });
      expect(screen.getByRole('heading', { name: 'Enheden findes ikke' })).toBeInTheDocument();
      expect(screen.getByText(/Bed en leder i enheden om at åbne fanen/)).toBeInTheDocument();
      expect(screen.queryByRole('combobox')).toBeNull();
    });

    it('asks a leader to choose the unit for a new channel and stores the channel on the unit', async () => {
      const services = fakeFor();
      const teams = { channelId: '19:ny-kanal@thread.tacv2', channelName: 'Skoler – ledelse', teamId: TEAM };
      await renderPlan(services, { host: 'teams-channel', unitId: undefined, teams });
      expect(screen.getByRole('heading', { name: 'Vælg enhed for kanalen' })).toBeInTheDocument();
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '3' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      await settle();
      const skoler = services.data.units.find((u) => u.id === 3);
      expect(skoler).toMatchObject({
        teamsChannelId: '19:ny-kanal@thread.tacv2',
        teamsChannelName: 'Skoler – ledelse',
      });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Skoler' })).toBeInTheDocument();
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Kanalen er nu knyttet til Skoler.'));
      // Skoler has no plan yet: the leader can start one.
      expect(screen.getByRole('heading', { name: 'Enheden har endnu ingen ambitionsplan' })).toBeInTheDocument();
    });

    it('offers a leader only the units they lead and those below them, and says why', async () => {
      await renderPlan(fakeFor(), {
        host: 'teams-channel',
        unitId: undefined,
        teams: { channelId: '19:ny-kanal@thread.tacv2' },
      });
      const options = within(screen.getByRole('combobox', { name: /Enhed/ }))
        .getAllByRole('option')
        .map((o) => o.textContent);
      expect(options).toEqual(['Vælg en enhed', 'Læring og Trivsel', 'Skoler (Læring og Trivsel)']);
      expect(screen.getByText('Du kan vælge de enheder, du er leder af, og enhederne under dem.')).toBeInTheDocument();
    });

    it('offers the chefgruppe every unit', async () => {
      const services = fakeFor({
        user: { id: 8, email: 'chef@mpk.local', displayName: 'Christian Chef' },
        inChefgruppe: true,
      });
      await renderPlan(services, {
        host: 'teams-channel',
        unitId: undefined,
        teams: { channelId: '19:ny-kanal@thread.tacv2' },
      });
      const options = within(screen.getByRole('combobox', { name: /Enhed/ }))
        .getAllByRole('option')
        .map((o) => o.textContent);
      expect(options).toEqual(['Vælg en enhed', 'Læring og Trivsel', 'Økonomi', 'Skoler (Læring og Trivsel)']);
      expect(screen.queryByText(/enheder, du er leder af/)).toBeNull();
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '2' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      await settle();
      expect(services.data.units.find((u) => u.id === 2)?.teamsChannelId).toBe('19:ny-kanal@thread.tacv2');
    });

    it('asks before moving a unit from the channel it has, and moves it only on "Ja"', async () => {
      const services = fakeFor();
      const teams = { channelId: '19:ny-kanal@thread.tacv2', channelName: 'Ny kanal' };
      await renderPlan(services, { host: 'teams-channel', unitId: undefined, teams });
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '1' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Vil du flytte Læring og Trivsel fra kanalen »Ledergruppen« til denne kanal?',
      );
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Annuller' }));
      });
      expect(services.calls).not.toContain('units.mapChannel');
      expect(services.data.units.find((u) => u.id === 1)?.teamsChannelId).toBe(CHANNEL);

      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ja, flyt enheden hertil' }));
      });
      await settle();
      expect(services.data.units.find((u) => u.id === 1)?.teamsChannelId).toBe('19:ny-kanal@thread.tacv2');
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() =>
        expect(screen.getByRole('status')).toHaveTextContent('Kanalen er nu knyttet til Læring og Trivsel.'),
      );
    });

    it("hands the unit picked on the tab's configuration page to the web part, to keep as the tab's configuration", async () => {
      const onUnitChange = jest.fn();
      const teams = { channelId: '19:ny-kanal@thread.tacv2', channelName: 'Skoler – ledelse' };
      await renderPlan(fakeFor(), { host: 'teams-channel', unitId: undefined, teams, onUnitChange });
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '3' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      await settle();
      expect(onUnitChange).toHaveBeenCalledWith(3);
    });

    it('keeps the unit for the tab in the browser when the Units list refuses the change, and says so', async () => {
      const services = fakeFor();
      services.failNext('units.update', new DataError('forbidden', { status: 403 }));
      const teams = { channelId: '19:ny-kanal@thread.tacv2', channelName: 'Ny kanal' };
      await renderPlan(services, { host: 'teams-channel', unitId: undefined, teams });
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '3' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Knyt kanalen til enheden' }));
      });
      await settle();
      expect(screen.getByRole('alert')).toHaveTextContent(/valget blev ikke gemt, så andre ser det ikke/);
      expect(screen.getByRole('alert')).toHaveTextContent(/Du har ikke adgang/);
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Skoler' })).toBeInTheDocument();
      expect(rememberedUnitId('teams-channel', '19:ny-kanal@thread.tacv2')).toBe(3);
    });

    it('tells an employee in an unmapped channel to ask a leader, with no picker', async () => {
      await renderPlan(employeeFake(), {
        host: 'teams-channel',
        unitId: undefined,
        teams: { channelId: '19:ny@thread.tacv2' },
      });
      expect(screen.getByText(/Bed en leder i enheden om at åbne fanen/)).toBeInTheDocument();
      expect(screen.queryByRole('combobox')).toBeNull();
    });

    it('builds a Teams deep link with the initiative as sub-entity for "Del i kanal"', async () => {
      const teams = { channelId: CHANNEL, entityId: 'tab-entity-1' };
      await renderPlan(fakeFor(), { host: 'teams-channel', unitId: 1, teams });
      await act(async () => {
        fireEvent.click(
          within(await openCard('Trivselsmåling i alle dagtilbud')).getByRole('button', { name: 'Del i kanal' }),
        );
      });
      await settle();
      const dialog = await shareDialog('Del »Trivselsmåling i alle dagtilbud«');
      const link = (within(dialog).getByLabelText('Link til indsatsen') as HTMLInputElement).value;
      const url = new URL(link);
      expect(url.origin + url.pathname).toBe(
        'https://teams.microsoft.com/l/entity/82f2fa80-81e3-49bd-bf82-be796e0da454/tab-entity-1',
      );
      expect(JSON.parse(url.searchParams.get('context') as string)).toEqual({ subEntityId: '11', channelId: CHANNEL });
    });

    it('opens the initiative a deep link points to (subPageId), expanded and focused', async () => {
      await renderPlan(fakeFor(), { host: 'teams-channel', unitId: 1, teams: { channelId: CHANNEL, subPageId: '12' } });
      const netvaerk = card('Fælles faglige netværk');
      expect(within(netvaerk).getByText('Åbnet fra et link')).toBeInTheDocument();
      expect(within(netvaerk).getByRole('button', { name: 'Skjul detaljer' })).toHaveAttribute('aria-expanded', 'true');
      expect(document.activeElement).toBe(within(netvaerk).getByRole('heading', { level: 4 }));
    });

    it('says so when the linked initiative is not in the plan', async () => {
      await renderPlan(fakeFor(), {
        host: 'teams-channel',
        unitId: 1,
        teams: { channelId: CHANNEL, subPageId: '999' },
      });
      expect(screen.getByText(/Indsatsen fra linket findes ikke/)).toBeInTheDocument();
    });
  });

  describe('sharing on a SharePoint page', () => {
    it('links to the page with ?mpkInitiative= and copies it', async () => {
      const writeText = jest.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      window.history.replaceState(null, '', '/sites/mpk/SitePages/Plan.aspx?mode=view#top');
      await renderPlan(fakeFor());
      // A plain click event: user-event's pointer sequence spans timers, and on a loaded machine the
      // card can re-render between pointerdown and pointerup (the chart loads lazily).
      await act(async () => {
        fireEvent.click(within(await openCard('Fælles faglige netværk')).getByRole('button', { name: 'Del i kanal' }));
      });
      const dialog = await shareDialog('Del »Fælles faglige netværk«');
      const input = within(dialog).getByLabelText('Link til indsatsen');
      expect(input).toHaveValue('http://localhost/sites/mpk/SitePages/Plan.aspx?mode=view&mpkInitiative=12');
      await act(async () => {
        await userEvent.click(within(dialog).getByText('Kopiér link'));
      });
      expect(writeText).toHaveBeenCalledWith(
        'http://localhost/sites/mpk/SitePages/Plan.aspx?mode=view&mpkInitiative=12',
      );
      expect(within(dialog).getByText('Linket er kopieret.')).toBeInTheDocument();
      window.history.replaceState(null, '', '/');
    });

    it('opens the initiative named in the page address', async () => {
      window.history.replaceState(null, '', '/sites/mpk/SitePages/Plan.aspx?mpkInitiative=11');
      await renderPlan(fakeFor());
      window.history.replaceState(null, '', '/');
      expect(within(card('Trivselsmåling i alle dagtilbud')).getByText('Åbnet fra et link')).toBeInTheDocument();
      expect(
        await within(card('Trivselsmåling i alle dagtilbud')).findByRole('img', { name: /Fremdrift over tid/ }),
      ).toBeInTheDocument();
    });
  });

  describe('in the Teams personal app', () => {
    it('asks which unit, remembers the choice, and offers to change it', async () => {
      const services = fakeFor();
      const first = await renderPlan(services, { host: 'teams-personal', unitId: undefined, teams: {} });
      expect(screen.getByRole('heading', { name: 'Vælg enhed' })).toBeInTheDocument();
      fireEvent.change(screen.getByRole('combobox', { name: /Enhed/ }), { target: { value: '1' } });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis planen' }));
      });
      await settle();
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
      expect(rememberedUnitId('teams-personal')).toBe(1);
      first.unmount();

      await renderPlan(services, { host: 'teams-personal', unitId: undefined, teams: {} });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Skift enhed' })).toBeInTheDocument();
    });
  });

  describe('when the plan is read-only for the reader', () => {
    it('renders no edit controls at all, but the dialog is open to everyone', async () => {
      await renderPlan(employeeFake());
      expect(screen.getByText(/Du kan læse planen og deltage i dialogen/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Tilføj indsats/ })).toBeNull();
      expect(screen.queryByRole('button', { name: /Redigér/ })).toBeNull();
      for (const name of [/Godkend planen/, /Start opfølgningen/, /Afslut planen/, /Genåbn planen/])
        expect(screen.queryByRole('button', { name })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Stop indsats' })).toBeNull();
      const trivsel = card('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
      });
      await settle();
      expect(within(trivsel).queryByRole('radiogroup')).toBeNull();
      expect(within(trivsel).getByRole('textbox', { name: 'Din kommentar' })).toBeInTheDocument();
    });
  });

  describe('the plan itself', () => {
    const headerButtons = (): string[] =>
      within(screen.getByRole('button', { name: 'Skift ansvarlig' }).parentElement as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent || '');

    it('moves only along the allowed statuses, each button named for what it does', async () => {
      const services = fakeFor();
      await renderPlan(services);
      expect(headerButtons()).toEqual(['Godkend planen', 'Skift ansvarlig']);
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Godkend planen' }));
      });
      await settle();
      expect(services.data.plans[0].status).toBe('approved');
      expect(headerButtons()).toEqual(['Start opfølgningen', 'Send planen tilbage til kladde', 'Skift ansvarlig']);
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Planen har nu status »Godkendt«.'));
      // Relevance is decided in the draft only.
      expect(screen.queryByRole('button', { name: /Redigér relevans og betydning/ })).toBeNull();
    });

    it('asks before it closes the plan, with closing last in the header, and says how to reopen it', async () => {
      const data = planData();
      const services = fakeFor({
        data: { ...data, plans: (data.plans ?? []).map((p) => ({ ...p, status: 'followUp' })) },
      });
      await renderPlan(services);
      expect(headerButtons()).toEqual(['Skift ansvarlig', 'Afslut planen …']);
      const close = screen.getByRole('button', { name: 'Afslut planen …' });
      await act(async () => {
        await user.click(close);
      });
      const dialog = await screen.findByRole('alertdialog', { name: 'Afslut planen for 2026?' });
      expect(dialog).toHaveTextContent('Alt, hvad der står i den, bliver stående.');
      // Enter on the first focus does not close the plan.
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuller' }));
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Annuller' }));
      });
      await settle();
      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(services.data.plans[0].status).toBe('followUp');
      await waitFor(() => expect(document.activeElement).toBe(close));

      await act(async () => {
        await user.click(close);
      });
      const again = await screen.findByRole('alertdialog', { name: 'Afslut planen for 2026?' });
      await act(async () => {
        await user.click(within(again).getByRole('button', { name: 'Afslut planen' }));
      });
      await settle();
      expect(services.data.plans[0].status).toBe('closed');
      expect(screen.getByText('Planen er afsluttet. Genåbn den for at ændre den.')).toBeInTheDocument();
      expect(screen.queryByText(/kan ikke længere ændres/)).toBeNull();
      const reopen = screen.getByRole('button', { name: 'Genåbn planen' });
      await waitFor(() => expect(document.activeElement).toBe(reopen));
      await act(async () => {
        await user.click(reopen);
      });
      await settle();
      expect(services.data.plans[0].status).toBe('followUp');
    });

    it('is created for a unit without one, for a period typed the way people type it', async () => {
      const services = fakeFor({
        data: {
          ...planData(),
          units: [{ id: 2, clientKey: 'oekonomi', name: 'Økonomi', kind: 'staff', leaderIds: [7] }],
        },
      });
      await renderPlan(services, { unitId: 2 });
      const period = screen.getByRole('textbox', { name: /Periode/ });
      expect(period).toHaveValue('2026');
      await act(async () => {
        await user.clear(period);
        await user.type(period, '26');
        await user.click(screen.getByRole('button', { name: 'Opret plan' }));
      });
      expect(
        screen.getByText('Perioden skal være et år (fx 2026) eller et spænd af år (fx 2026-2027).'),
      ).toBeInTheDocument();
      await act(async () => {
        await user.clear(period);
        await user.type(period, '2026 – 2027');
        await user.click(screen.getByRole('button', { name: 'Opret plan' }));
      });
      await settle();
      const created = services.data.plans.find((p) => p.unitId === 2);
      expect(created).toMatchObject({
        period: '2026-2027',
        status: 'draft',
        ownerId: LEADER.id,
        clientKey: 'unit-2-plan-2026-2027',
      });
      // The overview and the five ambitions.
      expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(6);
      // The form gave way to the plan: focus is on the surface's title, not on the page.
      await waitFor(() => expect(screen.getByRole('heading', { level: 2 })).toHaveFocus());
    });
  });

  describe("the unit's earlier plans", () => {
    const withEarlierPlan = (): ReturnType<typeof planData> => {
      const data = planData();
      return {
        ...data,
        plans: [
          ...(data.plans ?? []),
          { id: 2, clientKey: 'unit-1-plan-2025', unitId: 1, period: '2025', status: 'closed', ownerId: 7 },
        ],
        initiatives: [
          ...(data.initiatives ?? []),
          {
            id: 13,
            clientKey: 'i13',
            planId: 2,
            unitId: 1,
            title: 'Legepladser med naturmaterialer',
            ambitionKey: 'gode-rammer',
            status: 'completed',
          },
        ],
      };
    };

    afterEach(() => window.history.replaceState(null, '', '/'));

    it('are offered in a picker; a closed one is shown read-only, and the address keeps the choice', async () => {
      window.history.replaceState(null, '', '/sites/mpk/SitePages/Plan.aspx?mpkInitiative=11');
      const services = fakeFor({ data: withEarlierPlan() });
      const load = jest.spyOn(services.views, 'loadPlanView');
      const first = await renderPlan(services);
      const picker = screen.getByRole('combobox', { name: 'Vis planen for perioden' });
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['2026 – Kladde (aktuel plan)', '2025 – Afsluttet']);
      expect(picker).toHaveValue('1');

      fireEvent.change(picker, { target: { value: '2' } });
      await settle();
      expect(load).toHaveBeenLastCalledWith({ unitId: 1, planId: 2 });
      expect(card('Legepladser med naturmaterialer')).toBeInTheDocument();
      expect(screen.queryByRole('article', { name: 'Trivselsmåling i alle dagtilbud' })).toBeNull();
      expect(screen.getByText('Du ser planen for 2025, ikke den aktuelle plan.')).toBeInTheDocument();
      expect(screen.getByText('Planen er afsluttet. Genåbn den for at ændre den.')).toBeInTheDocument();
      for (const name of [/Tilføj indsats/, /^Redigér/, /Stop indsats/, /Genoptag/])
        expect(screen.queryAllByRole('button', { name })).toEqual([]);
      // The workflow's one way out of »Afsluttet«: back to follow-up, for a plan closed too early.
      expect(screen.getByRole('button', { name: 'Genåbn planen' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Start opfølgningen|Afslut planen/ })).toBeNull();
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Planen for 2025 vises.'));
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Vis planen for perioden' }));
      // The initiative link pointed into the other plan: it is dropped, the plan is kept.
      expect(window.location.search).toBe('?mpkPlan=2');
      first.unmount();

      // Opening the address again shows the same plan, in one call.
      services.calls.length = 0;
      await renderPlan(services);
      expect(services.calls).toEqual(['views.loadPlanView']);
      expect(card('Legepladser med naturmaterialer')).toBeInTheDocument();

      fireEvent.change(screen.getByRole('combobox', { name: 'Vis planen for perioden' }), { target: { value: '1' } });
      await settle();
      expect(card('Trivselsmåling i alle dagtilbud')).toBeInTheDocument();
      expect(screen.queryByText(/ikke den aktuelle plan/)).toBeNull();
      expect(window.location.search).toBe('');
    });

    it('open on the plan a deep link to one of their initiatives points to', async () => {
      await renderPlan(fakeFor({ data: withEarlierPlan() }), {
        host: 'teams-channel',
        unitId: 1,
        teams: { channelId: CHANNEL, subPageId: '13' },
      });
      expect(within(card('Legepladser med naturmaterialer')).getByText('Åbnet fra et link')).toBeInTheDocument();
      expect(screen.getByRole('combobox', { name: 'Vis planen for perioden' })).toHaveValue('2');
    });

    it('are not offered while the unit has only one plan', async () => {
      await renderPlan(fakeFor());
      expect(screen.queryByRole('combobox', { name: 'Vis planen for perioden' })).toBeNull();
    });
  });

  describe('relevance and local meaning', () => {
    it('are set per ambition by a leader and saved as one row per plan and ambition', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const section = ambitionSection('Viden og faglighed');
      await act(async () => {
        await user.click(
          within(section).getByRole('button', { name: 'Redigér relevans og betydning for »Viden og faglighed«' }),
        );
      });
      expect(within(section).getByRole('combobox', { name: /Relevans hos os/ })).toHaveFocus();
      fireEvent.change(within(section).getByRole('combobox', { name: /Relevans hos os/ }), {
        target: { value: 'medium' },
      });
      await act(async () => {
        await user.type(
          within(section).getByRole('textbox', { name: 'Hvad betyder ambitionen hos os?' }),
          'Vi deler viden på tværs.',
        );
        await user.click(within(section).getByRole('button', { name: 'Gem' }));
      });
      await settle();
      expect(services.data.planFocuses.find((f) => f.ambitionKey === 'viden-og-faglighed')).toMatchObject({
        clientKey: 'plan-1-focus-viden-og-faglighed',
        relevance: 'medium',
        localMeaning: 'Vi deler viden på tværs.',
        unitId: 1,
      });
      expect(within(section).getByText('Middel')).toBeInTheDocument();
      expect(within(section).getByText('Vi deler viden på tværs.')).toBeInTheDocument();
      await waitFor(() =>
        expect(document.activeElement).toBe(within(section).getByRole('button', { name: /Redigér relevans/ })),
      );
      expect(within(section).getByRole('note')).toHaveTextContent(
        'Relevans og betydning for »Viden og faglighed« er gemt.',
      );
    });

    it('shows the difference when another leader created the same row first, instead of overwriting it', async () => {
      const services = fakeFor();
      await renderPlan(services);
      // The other leader saves first, with the same (deterministic) client key.
      services.data.planFocuses.push({
        id: 99,
        clientKey: 'plan-1-focus-gode-rammer',
        etag: '"x1"',
        planId: 1,
        unitId: 1,
        ambitionKey: 'gode-rammer',
        relevance: 'low',
      });
      const section = ambitionSection('Gode rammer');
      await act(async () => {
        await user.click(within(section).getByRole('button', { name: /Redigér relevans og betydning/ }));
      });
      fireEvent.change(within(section).getByRole('combobox', { name: /Relevans hos os/ }), {
        target: { value: 'high' },
      });
      await act(async () => {
        await user.click(within(section).getByRole('button', { name: 'Gem' }));
      });
      await settle();
      const conflict = within(section).getByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' });
      expect(within(conflict).getByText('Lav')).toBeInTheDocument();
      expect(within(conflict).getByText('Høj')).toBeInTheDocument();
      await act(async () => {
        await user.click(within(conflict).getByRole('button', { name: 'Gem min udgave' }));
      });
      await settle();
      expect(services.data.planFocuses.filter((f) => f.ambitionKey === 'gode-rammer')).toEqual([
        expect.objectContaining({ id: 99, relevance: 'high' }),
      ]);
    });
  });

  describe('adding an initiative', () => {
    it('validates with the domain, refuses a CPR number, and then saves every field', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const section = ambitionSection('Sammenhæng og samarbejde');
      await act(async () => {
        await user.click(
          within(section).getByRole('button', { name: 'Tilføj indsats under »Sammenhæng og samarbejde«' }),
        );
      });
      const form = within(section).getByRole('form', { name: 'Ny indsats under »Sammenhæng og samarbejde«' });
      expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: /Titel/ }));
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
      });
      expect(within(form).getByText('Titlen skal udfyldes.')).toBeInTheDocument();
      expect(within(form).getByRole('textbox', { name: /Titel/ })).toHaveFocus();

      await act(async () => {
        await user.type(within(form).getByRole('textbox', { name: /Titel/ }), 'Fælles borgerforløb');
        await user.type(within(form).getByRole('textbox', { name: 'Beskrivelse' }), 'Borger 010190-1234 skal med.');
        await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
      });
      expect(within(form).getByText(/CPR-nummer/)).toBeInTheDocument();
      expect(services.calls).not.toContain('initiatives.create');

      await act(async () => {
        await user.clear(within(form).getByRole('textbox', { name: 'Beskrivelse' }));
        await user.type(
          within(form).getByRole('textbox', { name: 'Beskrivelse' }),
          'Et forløb på tværs af afdelinger.',
        );
      });
      fireEvent.change(within(form).getByRole('combobox', { name: '»Vi vil« under ambitionen' }), {
        target: { value: 'sammenhaeng-og-samarbejde-1' },
      });
      fireEvent.change(within(form).getByRole('combobox', { name: 'Politisk prioritet' }), { target: { value: '2' } });
      fireEvent.change(within(form).getByRole('combobox', { name: 'Ansvarlig' }), { target: { value: '7' } });
      typeDate(within(form).getByLabelText('Startdato'), '1.4.2026');
      typeDate(within(form).getByLabelText('Slutdato'), '30.11.2026');
      await act(async () => {
        await user.type(within(form).getByRole('textbox', { name: /Succeskriterium/ }), 'Færre overdragelser.');
        await user.type(
          within(form).getByRole('textbox', { name: 'Link til et eksisterende initiativ' }),
          'https://intra.holbaek.dk/forloeb',
        );
        await user.click(within(form).getByRole('button', { name: 'Gem indsats' }));
      });
      await settle();
      expect(services.data.initiatives.find((i) => i.title === 'Fælles borgerforløb')).toMatchObject({
        planId: 1,
        unitId: 1,
        ambitionKey: 'sammenhaeng-og-samarbejde',
        commitmentKey: 'sammenhaeng-og-samarbejde-1',
        politicalPriorityId: 2,
        ownerId: 7,
        status: 'planned',
        startDate: '2026-04-01',
        endDate: '2026-11-30',
        successMeasure: 'Færre overdragelser.',
        existingInitiativeUrl: 'https://intra.holbaek.dk/forloeb',
      });
      const created = within(section).getByRole('article', { name: 'Fælles borgerforløb' });
      // Focus on the new initiative's heading, and the confirmation shown in its ambition.
      await waitFor(() => expect(within(created).getByRole('heading', { name: 'Fælles borgerforløb' })).toHaveFocus());
      expect(within(section).getByRole('note')).toHaveTextContent('Indsatsen »Fælles borgerforløb« er oprettet.');
      await openCard('Fælles borgerforløb');
      expect(within(created).getByText('En mere grøn og bæredygtig kommune')).toBeInTheDocument();
      expect(within(created).getByRole('link', { name: 'https://intra.holbaek.dk/forloeb' })).toBeInTheDocument();
      // The announcer clears first, then speaks: a repeated message is read again.
      await waitFor(() =>
        expect(screen.getByRole('status')).toHaveTextContent('Indsatsen »Fælles borgerforløb« er oprettet.'),
      );
    });

    it('keeps what was typed after a reload (the draft) and after a failed save', async () => {
      const services = fakeFor();
      const first = await renderPlan(services);
      const section = ambitionSection('Gode rammer');
      await act(async () => {
        await user.click(within(section).getByRole('button', { name: /Tilføj indsats/ }));
        await user.type(within(section).getByRole('textbox', { name: /Titel/ }), 'Bedre mødelokaler');
      });
      first.unmount();

      await renderPlan(services);
      const again = ambitionSection('Gode rammer');
      expect(within(again).getByRole('textbox', { name: /Titel/ })).toHaveValue('Bedre mødelokaler');
      expect(within(again).getByText('Din kladde er hentet frem igen.')).toBeInTheDocument();

      services.failNext('initiatives.create', new DataError('network'));
      await act(async () => {
        await user.click(within(again).getByRole('button', { name: 'Gem indsats' }));
      });
      await settle();
      expect(within(again).getByRole('alert')).toHaveTextContent('Der er ingen forbindelse');
      expect(within(again).getByRole('textbox', { name: /Titel/ })).toHaveValue('Bedre mødelokaler');
      await act(async () => {
        await user.click(within(again).getByRole('button', { name: 'Gem indsats' }));
      });
      await settle();
      expect(services.data.initiatives.filter((i) => i.title === 'Bedre mødelokaler')).toHaveLength(1);
      expect(
        window.localStorage.getItem(draftStorageKey(draftOwner(LEADER), 'plan:initiative:new:1:gode-rammer')),
      ).toBeNull();
    });
  });

  describe('editing an initiative at the same time as someone else', () => {
    it('merges changes to different fields without asking', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Redigér' }));
      });
      services.changeAsSomeoneElse('initiatives', 11, { successMeasure: 'Trivslen stiger med 5 point.' });
      await act(async () => {
        const title = within(trivsel).getByRole('textbox', { name: /Titel/ });
        await user.clear(title);
        await user.type(title, 'Trivselsmåling i dagtilbud og SFO');
        await user.click(within(trivsel).getByRole('button', { name: 'Gem indsats' }));
      });
      await settle();
      expect(services.data.initiatives.find((i) => i.id === 11)).toMatchObject({
        title: 'Trivselsmåling i dagtilbud og SFO',
        successMeasure: 'Trivslen stiger med 5 point.',
      });
      expect(screen.getByRole('article', { name: 'Trivselsmåling i dagtilbud og SFO' })).toHaveTextContent(
        'Trivslen stiger med 5 point.',
      );
    });

    it('shows what the other person changed in the same field and lets the reader choose field by field', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Redigér' }));
      });
      services.changeAsSomeoneElse('initiatives', 11, { title: 'Trivselsmåling 2026', successMeasure: 'Målt af HR.' });
      await act(async () => {
        const title = within(trivsel).getByRole('textbox', { name: /Titel/ });
        await user.clear(title);
        await user.type(title, 'Trivsel for alle');
        const measure = within(trivsel).getByRole('textbox', { name: /Succeskriterium/ });
        await user.clear(measure);
        await user.type(measure, 'Målt af os selv.');
        await user.click(within(trivsel).getByRole('button', { name: 'Gem indsats' }));
      });
      await settle();
      const conflict = within(trivsel).getByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' });
      expect(within(conflict).getByText('Trivselsmåling 2026')).toBeInTheDocument();
      expect(within(conflict).getByText('Trivsel for alle')).toBeInTheDocument();
      expect(within(conflict).getByText('Målt af HR.')).toBeInTheDocument();
      // Nothing was overwritten yet.
      expect(services.data.initiatives.find((i) => i.id === 11)?.title).toBe('Trivselsmåling 2026');

      // Keep their title, my success measure.
      const titleGroup = within(conflict).getByRole('radiogroup', { name: '»Titel«' });
      await act(async () => {
        await user.click(within(titleGroup).getByRole('radio', { name: /Den gemte udgave/ }));
        await user.click(within(conflict).getByRole('button', { name: 'Gem det valgte' }));
      });
      await settle();
      expect(services.data.initiatives.find((i) => i.id === 11)).toMatchObject({
        title: 'Trivselsmåling 2026',
        successMeasure: 'Målt af os selv.',
      });
      expect(screen.queryByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' })).toBeNull();
    });
  });

  describe('check-ins', () => {
    it('start from the last one, are confirmed by the new entry (focused), and are drawn as a chart where health is a shape and a word', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = card('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
      });
      await settle();
      expect(await within(trivsel).findByRole('img', { name: /Fremdrift over tid/ })).toHaveAccessibleName(
        expect.stringContaining(
          'fra 20 % (15.01.2026) til 35 % (20.02.2026) over 2 statusmeldinger. Seneste vurdering: Gul.',
        ),
      );
      expect(within(trivsel).getByText('Trekant: Gul')).toBeInTheDocument();

      // Filled in from the last check-in (health and progress, never its comment).
      expect(within(trivsel).getByRole('radio', { name: 'Gul' })).toBeChecked();
      expect(within(trivsel).getByRole('spinbutton', { name: /Fremdrift/ })).toHaveValue(35);
      expect(within(trivsel).getByRole('textbox', { name: 'Kommentar' })).toHaveValue('');
      expect(
        within(trivsel).getByText('Udfyldt fra sidste statusmelding den 20.02.2026. Ret det, der har ændret sig.'),
      ).toBeInTheDocument();

      await act(async () => {
        await user.click(within(trivsel).getByRole('radio', { name: 'Rød' }));
        const progress = within(trivsel).getByRole('spinbutton', { name: /Fremdrift/ });
        await user.clear(progress);
        await user.type(progress, '140');
        await user.click(within(trivsel).getByRole('button', { name: 'Gem statusmelding' }));
      });
      expect(within(trivsel).getByText(/mellem 0 og 100/)).toBeInTheDocument();
      await waitFor(() => expect(within(trivsel).getByRole('spinbutton', { name: /Fremdrift/ })).toHaveFocus());
      await act(async () => {
        const progress = within(trivsel).getByRole('spinbutton', { name: /Fremdrift/ });
        await user.clear(progress);
        await user.type(progress, '40');
        await user.type(within(trivsel).getByRole('textbox', { name: 'Kommentar' }), 'Svarprocenten er lav.');
        await user.click(within(trivsel).getByRole('button', { name: 'Gem statusmelding' }));
      });
      await settle();
      expect(services.data.checkIns.find((c) => c.comment === 'Svarprocenten er lav.')).toMatchObject({
        initiativeId: 11,
        unitId: 1,
        health: 'red',
        progress: 40,
        date: '2026-03-10',
      });
      expect(within(trivsel).getByText(/seneste status 10\.03\.2026, 40 % gennemført/)).toBeInTheDocument();
      expect(
        within(trivsel).getByRole('img', {
          name: /til 40 % \(10\.03\.2026\) over 3 statusmeldinger\. Seneste vurdering: Rød\./,
        }),
      ).toBeInTheDocument();
      const history = within(trivsel).getByRole('list', { name: 'Statusmeldinger, nyeste først' });
      expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent(
        '10.03.2026: Rød, 40 %Svarprocenten er lav.',
      );
      // Confirmed where it was saved, announced once, and focus on the new entry.
      expect(within(trivsel).getByRole('note')).toHaveTextContent('Statusmeldingen for 10.03.2026 er gemt.');
      await waitFor(() => expect(within(history).getAllByRole('listitem')[0]).toHaveFocus());
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Statusmeldingen for 10.03.2026 er gemt.'),
      );
      // The next check-in starts from this one; typing puts the confirmation away.
      expect(within(trivsel).getByRole('radio', { name: 'Rød' })).toBeChecked();
      expect(within(trivsel).getByRole('spinbutton', { name: /Fremdrift/ })).toHaveValue(40);
      expect(within(trivsel).getByRole('textbox', { name: 'Kommentar' })).toHaveValue('');
      await act(async () => {
        await user.type(within(trivsel).getByRole('textbox', { name: 'Kommentar' }), 'N');
      });
      expect(within(trivsel).queryByRole('note')).toBeNull();
    });
  });

  describe('the dialog about an initiative', () => {
    it('loads the thread when opened and posts a comment', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = card('Trivselsmåling i alle dagtilbud');
      expect(services.calls).not.toContain('comments.listForInitiative');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
      });
      await settle();
      const thread = within(trivsel).getByRole('list', { name: 'Kommentarer til »Trivselsmåling i alle dagtilbud«' });
      expect(thread).toHaveTextContent('Leder · Skoler, 21.02.2026Skal vi også måle i SFO?');
      await act(async () => {
        await user.type(within(trivsel).getByRole('textbox', { name: 'Din kommentar' }), 'Ja, fra efteråret.');
        await user.click(within(trivsel).getByRole('button', { name: 'Send kommentar' }));
      });
      await settle();
      expect(within(thread).getAllByRole('listitem')).toHaveLength(2);
      expect(within(thread).getAllByRole('listitem')[1]).toHaveTextContent(
        'Lene Leder (dig), 10.03.2026Ja, fra efteråret.',
      );
      // Focus on the comment just sent, with the confirmation under the thread.
      await waitFor(() => expect(within(thread).getAllByRole('listitem')[1]).toHaveFocus());
      expect(within(trivsel).getByRole('note')).toHaveTextContent('Kommentaren er sendt.');
      expect(within(trivsel).getByRole('textbox', { name: 'Din kommentar' })).toHaveValue('');
      expect(within(trivsel).getByText('2 kommentarer')).toBeInTheDocument();
      expect(within(trivsel).getByRole('textbox', { name: 'Din kommentar' })).toHaveValue('');
    });
  });

  describe('stopping an initiative', () => {
    it('needs a reason, and the reason stays on the initiative', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Stop indsats' }));
      });
      expect(document.activeElement).toBe(within(trivsel).getByRole('textbox', { name: /Hvorfor stoppes indsatsen/ }));
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Stop indsatsen' }));
      });
      expect(within(trivsel).getByText(/begrundelse/i)).toBeInTheDocument();
      expect(within(trivsel).getByRole('textbox', { name: /Hvorfor stoppes indsatsen/ })).toHaveFocus();
      expect(services.data.initiatives.find((i) => i.id === 11)?.status).toBe('inProgress');

      await act(async () => {
        await user.type(
          within(trivsel).getByRole('textbox', { name: /Hvorfor stoppes indsatsen/ }),
          'Målingen gav ikke nye svar.',
        );
        await user.click(within(trivsel).getByRole('button', { name: 'Stop indsatsen' }));
      });
      await settle();
      expect(services.data.initiatives.find((i) => i.id === 11)).toMatchObject({
        status: 'stopped',
        stopReason: 'Målingen gav ikke nye svar.',
      });
      expect(within(trivsel).getByText('Stoppet')).toBeInTheDocument();
      expect(within(trivsel).getByText('Målingen gav ikke nye svar.')).toBeInTheDocument();
      expect(within(trivsel).getByRole('button', { name: 'Genoptag' })).toBeInTheDocument();
      expect(within(trivsel).queryByRole('button', { name: 'Stop indsats' })).toBeNull();
      // Focus on the stopped initiative's heading, with the confirmation under it.
      await waitFor(() =>
        expect(within(trivsel).getByRole('heading', { name: 'Trivselsmåling i alle dagtilbud' })).toHaveFocus(),
      );
      expect(within(trivsel).getByRole('note')).toHaveTextContent(
        'Indsatsen »Trivselsmåling i alle dagtilbud« er stoppet.',
      );
    });

    it('closes on "Annuller" with focus back on "Stop indsats"', async () => {
      const services = fakeFor();
      await renderPlan(services);
      const trivsel = await openCard('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Stop indsats' }));
      });
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Annuller' }));
      });
      await waitFor(() => expect(within(trivsel).getByRole('button', { name: 'Stop indsats' })).toHaveFocus());
      expect(within(trivsel).queryByRole('note')).toBeNull();
    });
  });

  describe('when the server sends bad data', () => {
    it('shows unknown values as stored with a notice, and an initiative under an unknown ambition in its own section', async () => {
      const data = planData();
      data.initiatives = [
        {
          id: 50,
          clientKey: 'i50',
          planId: 1,
          unitId: 1,
          title: 'Gammel indsats',
          ambitionKey: 'fjernet-ambition',
          status: 'paused' as never,
        },
      ];
      data.checkIns = [
        {
          id: 60,
          clientKey: 'c60',
          initiativeId: 50,
          unitId: 1,
          health: 'blue' as never,
          progress: 10,
          date: '2026-02-01',
        },
      ];
      await renderPlan(createFakeServices({ user: LEADER, now, data }));
      expect(screen.getByRole('heading', { level: 3, name: 'Indsatser under en ukendt ambition' })).toBeInTheDocument();
      const old = card('Gammel indsats');
      expect(within(old).getByText('Ukendt værdi: »paused«. Den vises, som den er gemt.')).toBeInTheDocument();
      expect(within(old).getByText('blue')).toBeInTheDocument();
    });

    it('keeps the rest of the plan when one ambition cannot be drawn', async () => {
      const data = planData();
      data.initiatives = [
        {
          id: 51,
          clientKey: 'i51',
          planId: 1,
          unitId: 1,
          title: null as never,
          ambitionKey: 'gode-rammer',
          status: 'planned',
          existingInitiativeUrl: 42 as never,
        },
      ];
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await renderPlan(createFakeServices({ user: LEADER, now, data }));
      spy.mockRestore();
      expect(screen.getByRole('heading', { level: 3, name: 'Mod og stolthed' })).toBeInTheDocument();
      // The overview and the five ambitions.
      expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(6);
    });
  });

  describe('when loading fails', () => {
    it('says why in Danish and tries again', async () => {
      const services = fakeFor();
      services.failNext('views.loadPlanView', new DataError('throttled', { status: 429 }));
      await renderPlan(services);
      expect(screen.getByRole('alert')).toHaveTextContent('Der er travlt lige nu');
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
      });
      await settle();
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' })).toBeInTheDocument();
    });
  });

  describe('following the theme', () => {
    it('switches between light, dark and high contrast without loading again', async () => {
      const services = fakeFor();
      const props = { host: 'teams-channel' as const, unitId: 1, teams: { channelId: CHANNEL } };
      const { rerender, container } = render(planElement(services, props, 'light'));
      await settle();
      const background = (): string => (container.firstElementChild as HTMLElement).className;
      const light = background();
      for (const theme of ['dark', 'contrast'] as const) {
        rerender(planElement(services, props, theme));
        await settle();
        expect(
          screen.getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' }),
        ).toBeInTheDocument();
      }
      expect(background()).not.toBe('');
      expect(light).not.toBe('');
      expect(services.calls.filter((c) => c === 'views.loadPlanView')).toHaveLength(1);
    });
  });

  describe('naming people', () => {
    it('lets a leader make someone found by search responsible for the plan, and names them at once', async () => {
      const services = fakeFor({
        siteUsers: [LEADER_VALUE, { id: 20, title: 'Sofie Søgaard', email: 'sofie@mpk.local' }],
      });
      await renderPlan(services);
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Skift ansvarlig' }));
      });
      const box = screen.getByRole('combobox', { name: /^Ansvarlig for planen/ });
      await act(async () => {
        await user.clear(box);
        await user.type(box, 'søgaard');
      });
      const option = await screen.findByRole('option', { name: /Sofie Søgaard/ });
      await act(async () => {
        await user.click(option);
      });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Gem ansvarlig' }));
      });
      await settle();
      expect(services.data.plans[0].ownerId).toBe(20);
      expect(screen.getAllByText('Sofie Søgaard')[0].closest('dd')?.previousElementSibling).toHaveTextContent(
        'Ansvarlig for planen',
      );
      expect(screen.queryByRole('combobox', { name: /^Ansvarlig for planen/ })).toBeNull();
    });

    it('names owners and comment authors from the view instead of by role or number', async () => {
      const services = employeeFake();
      const load = services.views.loadPlanView.bind(services.views);
      services.views.loadPlanView = async (query) => ({
        ...(await load(query)),
        people: { 7: { displayName: 'Lene Leder' } },
      });
      services.data.comments[0].authorName = 'Sanne Skov';
      await renderPlan(services);
      expect(screen.getAllByText('Lene Leder')[0].closest('dd')?.previousElementSibling).toHaveTextContent(
        'Ansvarlig for planen',
      );
      expect(screen.queryByText('Leder · Læring og Trivsel')).toBeNull();
      const trivsel = card('Trivselsmåling i alle dagtilbud');
      await act(async () => {
        await user.click(within(trivsel).getByRole('button', { name: 'Vis detaljer' }));
      });
      await settle();
      const thread = within(trivsel).getByRole('list', { name: 'Kommentarer til »Trivselsmåling i alle dagtilbud«' });
      expect(thread).toHaveTextContent('Sanne Skov, 21.02.2026Skal vi også måle i SFO?');
    });
  });
});
