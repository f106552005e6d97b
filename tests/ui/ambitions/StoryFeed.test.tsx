import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { EMPLOYEE, OWNER, renderAmbitions, settle, story } from './support';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

function feed(): HTMLElement {
  return screen.getByRole('list', { name: 'Hverdagshistorier, nyeste først' });
}
function titles(): string[] {
  return within(feed())
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent || '');
}
function card(title: string): HTMLElement {
  return screen.getByRole('article', { name: title });
}

describe('the story feed', () => {
  describe('when it is first shown', () => {
    it('lists approved stories newest first, featured ones first, each with kind, author, unit, Danish date, ambition and recognitions', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [
              story({ id: 201, title: 'Ældst', created: '2026-11-02T09:00:00Z', authorName: 'Lene Madsen' }),
              story({
                id: 202,
                title: 'Nyest',
                created: '2026-11-27T09:00:00Z',
                kind: 'lesson',
                unitId: 5,
                ambitionKey: 'viden-og-faglighed',
              }),
              story({ id: 203, title: 'Fremhævet af redaktøren', created: '2026-10-01T09:00:00Z', featured: true }),
              story({
                id: 204,
                title: 'Min egen',
                created: '2026-11-20T09:00:00Z',
                authorId: EMPLOYEE.id,
                authorName: EMPLOYEE.displayName,
              }),
              story({ id: 205, title: 'Venter stadig', moderationStatus: 2 }),
            ],
            recognitions: [
              { id: 1, clientKey: 'r1', storyId: 202, userId: 50 },
              { id: 2, clientKey: 'r2', storyId: 202, userId: 51 },
            ],
          },
        },
      );
      expect(titles()).toEqual(['Fremhævet af redaktøren', 'Nyest', 'Min egen', 'Ældst']);
      const newest = card('Nyest');
      expect(within(newest).getByText('Vi lærte af en fejl')).toBeInTheDocument();
      expect(within(newest).getByText('Af en kollega · Holbæk Skole · 27.11.2026')).toBeInTheDocument();
      expect(within(newest).getByText('Ambition: Viden og faglighed')).toBeInTheDocument();
      expect(within(newest).getByText('2 anerkendelser')).toBeInTheDocument();
      expect(within(card('Min egen')).getByText('Af dig · Læring og Trivsel · 20.11.2026')).toBeInTheDocument();
      expect(within(card('Ældst')).getByText('Af Lene Madsen · Læring og Trivsel · 02.11.2026')).toBeInTheDocument();
      expect(within(card('Fremhævet af redaktøren')).getByText('Fremhævet')).toBeInTheDocument();
      expect(screen.queryByText('Venter stadig')).toBeNull();
    });

    it('renders the story text sanitised: markup kept, scripts and event handlers gone', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [
              story({
                title: 'Med formatering',
                body: '<p><strong>Fed</strong> tekst<img src=x onerror="alert(1)"><script>alert(2)</script></p>',
              }),
            ],
          },
        },
      );
      const article = card('Med formatering');
      expect(within(article).getByText('Fed').tagName).toBe('STRONG');
      expect(article.querySelector('img, script, [onerror]')).toBeNull();
    });
  });

  describe('when the reader pages with "Vis flere"', () => {
    it('reads the next page through the cursor, appends it and moves focus to the first new story', async () => {
      const user = userEvent.setup();
      const stories = Array.from({ length: 5 }, (_, i) =>
        story({
          id: 300 + i,
          title: `Historie ${i + 1}`,
          created: `2026-11-${String(20 - i).padStart(2, '0')}T09:00:00Z`,
        }),
      );
      const { services } = await renderAmbitions({ pageSize: 2 }, { data: { stories } });
      expect(titles()).toEqual(['Historie 1', 'Historie 2']);

      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis flere' }));
      });
      await settle();
      expect(titles()).toEqual(['Historie 1', 'Historie 2', 'Historie 3', 'Historie 4']);
      expect(card('Historie 3')).toHaveFocus();

      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis flere' }));
      });
      await settle();
      expect(titles()).toHaveLength(5);
      expect(screen.queryByRole('button', { name: 'Vis flere' })).toBeNull();
      // Paging is the cursor of the first view's page: no new queries.
      expect(services.calls).toEqual(['views.loadAmbitionsView']);
    });
  });

  describe('when the reader filters', () => {
    it('reads the feed again with stories.query(filters, pageSize) for ambition, unit and kind', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        { pageSize: 4 },
        {
          data: {
            stories: [
              story({ title: 'Stolthed i skolen', ambitionKey: 'mod-og-stolthed', unitId: 5, kind: 'success' }),
              story({ title: 'Data i hjemmeplejen', ambitionKey: 'viden-og-faglighed', unitId: 2, kind: 'success' }),
              story({ title: 'En fejl vi lærte af', ambitionKey: 'viden-og-faglighed', unitId: 2, kind: 'lesson' }),
            ],
          },
        },
      );
      const query = jest.spyOn(services.stories, 'query');

      await act(async () => {
        await user.selectOptions(screen.getByRole('combobox', { name: 'Ambition' }), 'Viden og faglighed');
      });
      await settle();
      expect(query).toHaveBeenLastCalledWith({ ambitionKey: 'viden-og-faglighed' }, 4);
      expect(titles()).toEqual(expect.arrayContaining(['Data i hjemmeplejen', 'En fejl vi lærte af']));
      expect(titles()).toHaveLength(2);

      await act(async () => {
        await user.selectOptions(screen.getByRole('combobox', { name: 'Slags' }), 'Vi lærte af en fejl');
      });
      await settle();
      expect(query).toHaveBeenLastCalledWith({ ambitionKey: 'viden-og-faglighed', kind: 'lesson' }, 4);
      expect(titles()).toEqual(['En fejl vi lærte af']);
      await waitFor(() => expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Viser 1 historie'));

      await act(async () => {
        await user.selectOptions(screen.getByRole('combobox', { name: 'Ambition' }), 'Alle ambitioner');
        await user.selectOptions(screen.getByRole('combobox', { name: 'Slags' }), 'Alle slags');
        await user.selectOptions(screen.getByRole('combobox', { name: 'Enhed' }), '5');
      });
      await settle();
      expect(query).toHaveBeenLastCalledWith({ unitId: 5 }, 4);
      expect(titles()).toEqual(['Stolthed i skolen']);
    });

    it('offers only the configured units, indents sub-units, and sends several configured units to the data layer', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        { unitIds: [2, 5] },
        {
          data: {
            stories: [
              story({ title: 'Fra skolen', unitId: 5 }),
              story({ title: 'Fra kerneområdet', unitId: 1 }),
              story({ title: 'Fra Aktiv Hele Livet', unitId: 2 }),
            ],
          },
        },
      );
      const unit = screen.getByRole('combobox', { name: 'Enhed' });
      expect(
        within(unit)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Alle enheder', '\u00A0\u00A0Holbæk Skole', 'Aktiv Hele Livet']);
      expect(titles().sort()).toEqual(['Fra Aktiv Hele Livet', 'Fra skolen']);
      const query = jest.spyOn(services.stories, 'query');
      await act(async () => {
        await user.selectOptions(unit, 'Aktiv Hele Livet');
      });
      await settle();
      expect(query).toHaveBeenLastCalledWith({ unitId: 2, unitIds: [2, 5] }, 10);
      expect(titles()).toEqual(['Fra Aktiv Hele Livet']);
    });

    it('says so when nothing matches, and shows a failed query with "Prøv igen" that keeps the chosen filters', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { data: { stories: [story({ title: 'Kun succes', kind: 'success' })] } },
      );
      services.failNext('stories.query', new DataError('throttled', { status: 429 }));
      await act(async () => {
        await user.selectOptions(screen.getByRole('combobox', { name: 'Slags' }), 'Vi lærte af en fejl');
      });
      await settle();
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('Der er travlt lige nu.');
      await act(async () => {
        await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
      });
      await settle();
      expect(screen.getByText('Ingen historier passer til filtrene. Prøv at vælge færre.')).toBeInTheDocument();
      expect(screen.getByRole('combobox', { name: 'Slags' })).toHaveValue('lesson');
    });
  });

  describe('when the reader recognises a story', () => {
    it('recognises it once (services.recognitions.recognise), shows that it is done, and can withdraw it', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { data: { stories: [story({ id: 401, title: 'Tak til køkkenet' })] } },
      );
      const article = card('Tak til køkkenet');
      const button = within(article).getByRole('button', { name: 'Anerkend' });
      expect(button).toHaveAttribute('aria-pressed', 'false');
      expect(within(article).getByText('0 anerkendelser')).toBeInTheDocument();

      await act(async () => {
        await user.click(button);
      });
      await settle();
      expect(button).toHaveAttribute('aria-pressed', 'true');
      expect(within(article).getByText(/^1 anerkendelse · du har anerkendt den/)).toBeInTheDocument();
      expect(services.data.recognitions).toEqual([expect.objectContaining({ storyId: 401, userId: EMPLOYEE.id })]);
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Du har anerkendt »Tak til køkkenet«.'),
      );

      await act(async () => {
        await user.click(button);
      });
      await settle();
      expect(button).toHaveAttribute('aria-pressed', 'false');
      expect(within(article).getByText('0 anerkendelser')).toBeInTheDocument();
      expect(services.data.recognitions).toEqual([]);
    });

    it('starts pressed for a story the reader recognised earlier', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [story({ id: 402, title: 'Allerede anerkendt' })],
            recognitions: [{ id: 9, clientKey: 'story-402-user-11', storyId: 402, userId: EMPLOYEE.id }],
          },
        },
      );
      expect(within(card('Allerede anerkendt')).getByRole('button', { name: 'Anerkend' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    });

    it('explains a failure next to the story and leaves the count unchanged', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions({}, { data: { stories: [story({ title: 'Uden net' })] } });
      services.failNext('recognitions.recognise', new DataError('network'));
      const article = card('Uden net');
      await act(async () => {
        await user.click(within(article).getByRole('button', { name: 'Anerkend' }));
      });
      await settle();
      expect(within(article).getByRole('alert')).toHaveTextContent('Anerkendelsen blev ikke gemt');
      expect(within(article).getByRole('button', { name: 'Anerkend' })).toHaveAttribute('aria-pressed', 'false');
      expect(within(article).getByText('0 anerkendelser')).toBeInTheDocument();
    });
  });

  describe('when a site owner features a story', () => {
    it('offers "Fremhæv" only to site owners; featuring moves the story first, and it can be undone', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        {
          user: OWNER,
          permissions: { isSiteOwner: true },
          data: {
            stories: [
              story({ id: 501, title: 'Ny', created: '2026-11-25T09:00:00Z' }),
              story({ id: 502, title: 'Gammel men god', created: '2026-09-01T09:00:00Z' }),
            ],
          },
        },
      );
      expect(titles()).toEqual(['Ny', 'Gammel men god']);
      await act(async () => {
        await user.click(within(card('Gammel men god')).getByRole('button', { name: 'Fremhæv' }));
      });
      await settle();
      expect(titles()).toEqual(['Gammel men god', 'Ny']);
      expect(within(card('Gammel men god')).getByText('Fremhævet')).toBeInTheDocument();
      expect(services.data.stories.find((s) => s.id === 502)?.featured).toBe(true);

      await act(async () => {
        await user.click(within(card('Gammel men god')).getByRole('button', { name: 'Fjern fremhævning' }));
      });
      await settle();
      expect(titles()).toEqual(['Ny', 'Gammel men god']);
    });

    it('does not offer "Fremhæv" to an employee', async () => {
      await renderAmbitions({}, { data: { stories: [story({ title: 'En historie' })] } });
      expect(within(card('En historie')).queryByRole('button', { name: 'Fremhæv' })).toBeNull();
    });
  });
});
