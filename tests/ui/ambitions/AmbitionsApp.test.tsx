import * as React from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AMBITIONS } from '../../../src/domain/ambitions';
import { DataError } from '../../../src/data/errors';
import { SCHEMA_VERSION } from '../../../src/data/schema/lists';
import { AmbitionsApp } from '../../../src/ui/ambitions/AmbitionsApp';
import { ServicesContext } from '../../../src/ui/shell/services';
import { createFakeServices } from '../../support/fakeServices';
import { renderInShell } from '../../support/render';
import { EMPLOYEE, OWNER, renderAmbitions, settle, story, UNITS } from './support';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

describe('AmbitionsApp', () => {
  describe('when it is first shown', () => {
    it('reads everything with exactly one call to the services: loadAmbitionsView', async () => {
      const { services } = await renderAmbitions(
        { pageSize: 5 },
        { data: { stories: [story({ title: 'Én historie' })] } },
      );
      expect(screen.getByRole('heading', { level: 3, name: 'Én historie' })).toBeInTheDocument();
      expect(services.calls).toEqual(['views.loadAmbitionsView']);
    });

    it('passes the user id, the page size and the configured units as the feed filter', async () => {
      const services = createFakeServices({ user: EMPLOYEE, data: { units: UNITS } });
      const spy = jest.spyOn(services.views, 'loadAmbitionsView');
      renderInShell(
        <ServicesContext.Provider value={services}>
          <AmbitionsApp pageSize={7} unitIds={[2]} />
        </ServicesContext.Provider>,
      );
      await screen.findByRole('tab', { name: /^Hverdagshistorier/ });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy).toHaveBeenCalledWith({ userId: EMPLOYEE.id, filters: { unitIds: [2] }, pageSize: 7 });
    });

    it('says in their place which parts could not be fetched, and shows the rest', async () => {
      const services = createFakeServices({
        user: EMPLOYEE,
        data: { units: UNITS, stories: [story({ title: 'Én historie' })] },
      });
      const load = services.views.loadAmbitionsView.bind(services.views);
      jest
        .spyOn(services.views, 'loadAmbitionsView')
        .mockImplementation(async (query) => ({ ...(await load(query)), unavailable: ['featured', 'counts'] }));
      renderInShell(
        <ServicesContext.Provider value={services}>
          <AmbitionsApp pageSize={5} />
        </ServicesContext.Provider>,
      );
      expect(await screen.findByRole('heading', { level: 3, name: 'Én historie' })).toBeInTheDocument();
      expect(screen.getByText('Fremhævede historier kunne ikke hentes lige nu.')).toBeInTheDocument();
      expect(screen.getByText('Tallene pr. ambition kunne ikke hentes lige nu.')).toBeInTheDocument();
      expect(screen.getByRole('list', { name: 'De fem ambitioner' })).toBeInTheDocument();
      expect(screen.queryByText('Indholdet kunne ikke hentes.')).not.toBeInTheDocument();
    });

    it('lists the five ambitions by their Danish titles, in the strategy order', async () => {
      await renderAmbitions();
      const list = screen.getByRole('list', { name: 'De fem ambitioner' });
      const headings = within(list)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent);
      expect(headings).toEqual([
        'Mod og stolthed',
        'Viden og faglighed',
        'Sammenhæng og samarbejde',
        'Tillid og ansvar i ledelse',
        'Gode rammer',
      ]);
    });

    it('shows each quote and the number of commitments, with the commitments collapsed', async () => {
      await renderAmbitions();
      expect(screen.getByText('Vi skal skabe en arbejdsplads, som gør ledere og medarbejdere stolte')).toBeVisible();
      expect(screen.getAllByText(/^\d+ forpligtelser$/).map((e) => e.textContent)).toEqual([
        '5 forpligtelser',
        '6 forpligtelser',
        '5 forpligtelser',
        '6 forpligtelser',
        '5 forpligtelser',
      ]);
      expect(screen.getByText('Tale åbent om fejl og lære af dem.')).not.toBeVisible();
    });

    it('shows how many plans, initiatives and stories work on each ambition (view.counts), in Danish plural forms', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            plans: [{ id: 1, clientKey: 'p1', unitId: 1, period: '2026', status: 'approved' }],
            planFocuses: [{ id: 2, clientKey: 'f1', planId: 1, ambitionKey: 'mod-og-stolthed', relevance: 'high' }],
            initiatives: [
              {
                id: 3,
                clientKey: 'i1',
                planId: 1,
                unitId: 1,
                title: 'Stolthedsuge',
                ambitionKey: 'mod-og-stolthed',
                status: 'planned',
              },
              {
                id: 4,
                clientKey: 'i2',
                planId: 1,
                unitId: 1,
                title: 'Fejlfortællinger',
                ambitionKey: 'mod-og-stolthed',
                status: 'planned',
              },
            ],
            stories: [story({ title: 'Vi lykkedes' })],
          },
        },
      );
      const card = screen.getByRole('article', { name: 'Mod og stolthed' });
      expect(within(card).getByText('1 plan · 2 indsatser · 1 historie')).toBeInTheDocument();
      const other = screen.getByRole('article', { name: 'Gode rammer' });
      expect(within(other).getByText('0 planer · 0 indsatser · 0 historier')).toBeInTheDocument();
    });

    it('shows only the configured ambitions when the editor picked some', async () => {
      await renderAmbitions({ ambitionKeys: ['viden-og-faglighed', 'gode-rammer'] });
      const list = screen.getByRole('list', { name: 'De fem ambitioner' });
      expect(
        within(list)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Viden og faglighed', 'Gode rammer']);
    });
  });

  describe('when a reader expands an ambition', () => {
    it('reveals every "Vi vil" commitment of that ambition before its text and says so to assistive technology', async () => {
      const user = userEvent.setup();
      await renderAmbitions();
      const card = screen.getByRole('article', { name: 'Viden og faglighed' });
      const toggle = within(card).getByRole('button', { name: 'Se »Vi vil« og hele ambitionen' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');

      await act(async () => {
        await user.click(toggle);
      });

      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      expect(toggle).toHaveTextContent('Vis mindre');
      const items = within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(items).toEqual(AMBITIONS[1].commitments.map((c) => c.text));
      const firstCommitment = within(card).getByText('Have mod til at stoppe de ting, der ikke virker.');
      expect(firstCommitment).toBeVisible();
      // "Vi vil" comes first; the ambition's paragraphs follow it.
      const paragraph = within(card).getByText(AMBITIONS[1].introduction[0]);
      expect(firstCommitment.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('can be operated with the keyboard alone', async () => {
      const user = userEvent.setup();
      await renderAmbitions();
      // "Nyt til dig" beside the title comes first.
      await act(async () => {
        await user.tab();
      });
      expect(screen.getByRole('button', { name: /^Nyt til dig/ })).toHaveFocus();
      await act(async () => {
        await user.tab();
      });
      const first = screen.getAllByRole('button', { name: 'Se »Vi vil« og hele ambitionen' })[0];
      expect(first).toHaveFocus();
      await act(async () => {
        await user.keyboard('{Enter}');
      });
      expect(first).toHaveAttribute('aria-expanded', 'true');
    });
  });

  describe('when the editor hides the ambitions block', () => {
    it('shows the title, lead and stories but no ambitions', async () => {
      await renderAmbitions({ showAmbitions: false });
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitioner og hverdagshistorier' })).toBeInTheDocument();
      expect(screen.queryByRole('list', { name: 'De fem ambitioner' })).toBeNull();
      expect(screen.getByRole('tab', { name: /^Hverdagshistorier/ })).toBeInTheDocument();
    });
  });

  describe('before the lists exist', () => {
    it('shows the five ambitions from the seed and, for a site owner, "Klargør site" that provisions and shows the report', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { provisioned: false, user: OWNER, permissions: { isSiteOwner: true } },
      );
      expect(within(screen.getByRole('list', { name: 'De fem ambitioner' })).getAllByRole('article')).toHaveLength(5);
      expect(screen.queryByRole('tab')).toBeNull();
      expect(screen.getByText('Sitet er ikke klargjort endnu')).toBeInTheDocument();

      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Klargør site' }));
      });
      await settle();

      // Once provisioned, the owner's view runs the site health check (which finds nothing here).
      expect(services.calls).toEqual([
        'views.loadAmbitionsView',
        'provisioning.provision',
        'views.loadAmbitionsView',
        'provisioning.health',
      ]);
      expect(screen.getByText('Sitet er klargjort')).toBeInTheDocument();
      expect(screen.getByText(`Version ingen → ${SCHEMA_VERSION}: 1 ændringer.`)).toBeInTheDocument();
      expect(screen.getByText('Liste oprettet: MPK Planer')).toBeInTheDocument();
      // The lists now exist: the stories appear without a page reload.
      expect(await screen.findByRole('tab', { name: /^Hverdagshistorier/ })).toBeInTheDocument();
    });

    it('tells an employee, in Danish, that the stories arrive once an administrator has prepared the site', async () => {
      await renderAmbitions({}, { provisioned: false });
      expect(within(screen.getByRole('list', { name: 'De fem ambitioner' })).getAllByRole('article')).toHaveLength(5);
      expect(
        screen.getByText(
          'Hverdagshistorierne og Egne noter kommer her, så snart en administrator har sat Mod på kerneopgaven op.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Klargør site' })).toBeNull();
    });

    it('keeps the button and explains the failure when provisioning is refused', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { provisioned: false, user: OWNER, permissions: { isSiteOwner: true } },
      );
      services.failNext('provisioning.provision', new DataError('forbidden', { status: 403 }));
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Klargør site' }));
      });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Sitet blev ikke klargjort');
      expect(alert).toHaveTextContent('Du har ikke adgang til at gøre dette.');
      expect(screen.getByRole('button', { name: 'Klargør site' })).toBeEnabled();
    });
  });

  describe('when the first view cannot be read', () => {
    it('shows the Danish reason with "Prøv igen" and still the strategy\'s ambitions; retrying reads the view again', async () => {
      const user = userEvent.setup();
      const services = createFakeServices({ user: EMPLOYEE, data: { units: UNITS } });
      services.failNext('views.loadAmbitionsView', new DataError('network'));
      renderInShell(
        <ServicesContext.Provider value={services}>
          <AmbitionsApp />
        </ServicesContext.Provider>,
      );
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Der er ingen forbindelse.');
      expect(within(screen.getByRole('list', { name: 'De fem ambitioner' })).getAllByRole('article')).toHaveLength(5);

      await act(async () => {
        await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
      });
      expect(await screen.findByRole('tab', { name: /^Hverdagshistorier/ })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(services.calls).toEqual(['views.loadAmbitionsView', 'views.loadAmbitionsView']);
    });
  });

  describe('when the server sends bad data', () => {
    it('renders a story with an unknown kind, a missing title and an unknown ambition with notices instead of crashing', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [
              story({ title: '', kind: 'maybe' as never, ambitionKey: 'forsvundet' }),
              story({ title: 'En god dag' }),
            ],
          },
        },
      );
      const feed = screen.getByRole('list', { name: 'Hverdagshistorier, nyeste først' });
      expect(within(feed).getByText('(Uden titel)')).toBeInTheDocument();
      expect(within(feed).getByText('Ukendt slags')).toBeInTheDocument();
      expect(within(feed).getByText('Ukendt ambition (forsvundet)')).toBeInTheDocument();
      expect(within(feed).getByRole('heading', { name: 'En god dag' })).toBeInTheDocument();
    });

    it('shows a Danish notice when the view itself is malformed, instead of an empty web part', async () => {
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const services = createFakeServices({ user: EMPLOYEE });
      services.views.loadAmbitionsView = async () =>
        ({ schema: { provisioned: true, currentVersion: 1, needsUpgrade: false } }) as never;
      renderInShell(
        <ServicesContext.Provider value={services}>
          <AmbitionsApp />
        </ServicesContext.Provider>,
      );
      expect(await screen.findByText('Noget gik galt i visningen')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeInTheDocument();
      spy.mockRestore();
    });
  });
});
