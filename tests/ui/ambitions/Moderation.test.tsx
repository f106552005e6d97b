import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MODERATION_STATUS } from '../../../src/domain';
import { DataError } from '../../../src/data/errors';
import { EMPLOYEE, OWNER, renderAmbitions, settle, story } from './support';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

const PENDING = [
  story({
    id: 601,
    title: 'Venter på dig',
    moderationStatus: MODERATION_STATUS.pending,
    authorId: EMPLOYEE.id,
    created: '2026-11-26T08:00:00Z',
  }),
  story({
    id: 602,
    title: 'Også til godkendelse',
    moderationStatus: MODERATION_STATUS.pending,
    authorId: 44,
    kind: 'lesson',
  }),
];

async function openQueue(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await act(async () => {
    await user.click(screen.getByRole('tab', { name: /^Til godkendelse \(2\)/ }));
  });
  return screen.getByRole('tabpanel', { name: /^Til godkendelse/ });
}

describe('approving stories', () => {
  describe('when a site owner opens "Til godkendelse"', () => {
    it('lists every pending story (view.pendingForModeration) with its content', async () => {
      const user = userEvent.setup();
      await renderAmbitions(
        {},
        { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
      );
      const panel = await openQueue(user);
      expect(
        within(panel)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Venter på dig', 'Også til godkendelse']);
      expect(
        within(panel).getByText(
          'Historier, der venter på godkendelse: 2. Godkend dem, der kan vises for alle, eller afvis med en begrundelse, som forfatteren kan læse.',
        ),
      ).toBeInTheDocument();
    });

    it('approves with services.stories.moderate(story, true): the story leaves the queue and appears in the feed', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
      );
      const moderate = jest.spyOn(services.stories, 'moderate');
      const panel = await openQueue(user);
      await act(async () => {
        await user.click(
          within(within(panel).getByRole('article', { name: 'Venter på dig' })).getByRole('button', {
            name: 'Godkend',
          }),
        );
      });
      await settle();
      expect(moderate).toHaveBeenCalledWith(expect.objectContaining({ id: 601 }), true, undefined, {
        featured: false,
        notifyInTeams: true,
      });
      expect(within(panel).queryByRole('article', { name: 'Venter på dig' })).toBeNull();
      expect(screen.getByRole('tab', { name: /^Til godkendelse \(1\)/ })).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(
          '»Venter på dig« er godkendt og vises nu for alle.',
        ),
      );

      await act(async () => {
        await user.click(screen.getByRole('tab', { name: /^Hverdagshistorier/ }));
      });
      const feed = screen.getByRole('list', { name: 'Hverdagshistorier, nyeste først' });
      expect(within(feed).getByRole('article', { name: 'Venter på dig' })).toBeInTheDocument();
    });

    it('features a story only when the approver ticks "Fremhæv historien, når den godkendes" — never because its author set Featured', async () => {
      const user = userEvent.setup();
      // 601's author set Featured on it themselves (over REST); 602 is left as written.
      const stories = [{ ...PENDING[0], featured: true }, PENDING[1]];
      const { services } = await renderAmbitions(
        {},
        { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories } },
      );
      const moderate = jest.spyOn(services.stories, 'moderate');
      const panel = await openQueue(user);
      const authorSet = within(panel).getByRole('article', { name: 'Venter på dig' });
      expect(
        within(authorSet).getByRole('checkbox', { name: 'Fremhæv historien, når den godkendes' }),
      ).not.toBeChecked();
      await act(async () => {
        await user.click(within(authorSet).getByRole('button', { name: 'Godkend' }));
      });
      await settle();
      expect(moderate).toHaveBeenLastCalledWith(expect.objectContaining({ id: 601 }), true, undefined, {
        featured: false,
        notifyInTeams: true,
      });
      expect(services.data.stories.find((s) => s.id === 601)).toMatchObject({
        moderationStatus: MODERATION_STATUS.approved,
        featured: false,
      });

      const chosen = within(panel).getByRole('article', { name: 'Også til godkendelse' });
      await act(async () => {
        await user.click(within(chosen).getByRole('checkbox', { name: 'Fremhæv historien, når den godkendes' }));
        // "Send besked til forfatteren i Teams" is ticked until the approver unticks it.
        const notify = within(chosen).getByRole('checkbox', { name: 'Send besked til forfatteren i Teams' });
        expect(notify).toBeChecked();
        await user.click(notify);
        await user.click(within(chosen).getByRole('button', { name: 'Godkend' }));
      });
      await settle();
      expect(moderate).toHaveBeenLastCalledWith(expect.objectContaining({ id: 602 }), true, undefined, {
        featured: true,
        notifyInTeams: false,
      });
      expect(services.data.stories.find((s) => s.id === 602)).toMatchObject({
        moderationStatus: MODERATION_STATUS.approved,
        featured: true,
      });

      await act(async () => {
        await user.click(screen.getByRole('tab', { name: /^Hverdagshistorier/ }));
      });
      const feed = screen.getByRole('list', { name: 'Hverdagshistorier, nyeste først' });
      expect(
        within(within(feed).getByRole('article', { name: 'Også til godkendelse' })).getByText('Fremhævet'),
      ).toBeInTheDocument();
      expect(within(within(feed).getByRole('article', { name: 'Venter på dig' })).queryByText('Fremhævet')).toBeNull();
    });

    it('rejects only with a reason (required, no CPR number), sent to moderate(story, false, reason)', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
      );
      const moderate = jest.spyOn(services.stories, 'moderate');
      const panel = await openQueue(user);
      const article = within(panel).getByRole('article', { name: 'Også til godkendelse' });
      await act(async () => {
        await user.click(within(article).getByRole('button', { name: 'Afvis …' }));
      });
      const reason = within(article).getByRole('textbox', { name: /^Begrundelse for afvisningen/ });
      expect(reason).toHaveFocus();
      await act(async () => {
        await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
      });
      expect(moderate).not.toHaveBeenCalled();
      expect(within(article).getByText('Begrundelsen for afvisningen skal udfyldes.')).toBeInTheDocument();

      await act(async () => {
        await user.type(reason, 'Nævner borger 010190-1234');
        await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
      });
      expect(moderate).not.toHaveBeenCalled();
      expect(within(article).getByText(/CPR-nummer \(010190-XXXX\)/)).toBeInTheDocument();

      await act(async () => {
        await user.clear(reason);
        await user.type(reason, 'Den handler om en enkelt borger – skriv den mere generelt.');
        await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
      });
      await settle();
      expect(moderate).toHaveBeenCalledWith(
        expect.objectContaining({ id: 602 }),
        false,
        'Den handler om en enkelt borger – skriv den mere generelt.',
        { notifyInTeams: true },
      );
      expect(services.data.stories.find((s) => s.id === 602)?.moderationStatus).toBe(MODERATION_STATUS.denied);
      expect(within(panel).queryByRole('article', { name: 'Også til godkendelse' })).toBeNull();
      expect(screen.queryByRole('article', { name: 'Også til godkendelse' })).toBeNull();
    });

    it('when another editor got there first, the story leaves the queue with a note instead of being handled twice', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
      );
      services.changeAsSomeoneElse('stories', 601, { moderationStatus: MODERATION_STATUS.denied });
      const panel = await openQueue(user);
      await act(async () => {
        await user.click(
          within(within(panel).getByRole('article', { name: 'Venter på dig' })).getByRole('button', {
            name: 'Godkend',
          }),
        );
      });
      await settle();
      expect(within(panel).queryByRole('article', { name: 'Venter på dig' })).toBeNull();
      expect(services.data.stories.find((s) => s.id === 601)?.moderationStatus).toBe(MODERATION_STATUS.denied);
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(
          'En anden redaktør har allerede behandlet historien (Afvist).',
        ),
      );
    });
  });

  describe('when an employee looks', () => {
    it('has no approval tab, and sees only their own pending stories', async () => {
      await renderAmbitions({}, { pendingForModeration: true, data: { stories: PENDING } });
      expect(screen.queryByRole('tab', { name: /^Til godkendelse/ })).toBeNull();
      const mine = screen.getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' });
      expect(
        within(mine)
          .getAllByRole('article')
          .map((a) => a.getAttribute('aria-labelledby') && within(a).getByRole('heading').textContent),
      ).toEqual(['Venter på dig']);
    });

    it('shows a rejected story of their own as "Afvist", with the approver\'s comment as the reason', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [
              story({
                title: 'Afvist historie',
                moderationStatus: MODERATION_STATUS.denied,
                authorId: EMPLOYEE.id,
                authorName: EMPLOYEE.displayName,
                moderationComment: 'Fjern venligst borgerens navn.',
              }),
            ],
          },
        },
      );
      const article = screen.getByRole('article', { name: 'Afvist historie' });
      expect(within(article).getByText('Afvist')).toBeInTheDocument();
      expect(within(article).getByText('Begrundelse: Fjern venligst borgerens navn.')).toBeInTheDocument();
      expect(within(article).getByText(/^Af dig · /)).toBeInTheDocument();
    });

    it('gives no reason for a story still waiting, even with a comment', async () => {
      await renderAmbitions(
        {},
        {
          data: {
            stories: [
              story({
                title: 'Venter',
                moderationStatus: MODERATION_STATUS.pending,
                authorId: EMPLOYEE.id,
                moderationComment: 'Kladde',
              }),
            ],
          },
        },
      );
      const article = screen.getByRole('article', { name: 'Venter' });
      expect(within(article).queryByText(/^Begrundelse:/)).toBeNull();
    });
  });
});

describe("paging the approvers' queue", () => {
  // Newest first (ids descending), as SharePoint answers: the view shows the first two.
  const MANY = [705, 704, 703, 702, 701].map((id) =>
    story({ id, title: `Kladde ${id}`, moderationStatus: MODERATION_STATUS.pending, authorId: 44 }),
  );

  async function openPagedQueue(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
    await act(async () => {
      await user.click(screen.getByRole('tab', { name: /^Til godkendelse \(2\+\)/ }));
    });
    return screen.getByRole('tabpanel', { name: /^Til godkendelse/ });
  }

  describe('when more stories wait than the first view lists', () => {
    it('says there may be more, and "Vis flere" reads the next page from where the view stopped (listPending(pageSize, pendingBelow))', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        {
          user: OWNER,
          permissions: { isSiteOwner: true },
          pendingForModeration: { shown: 2 },
          data: { stories: MANY },
        },
      );
      const listPending = jest.spyOn(services.stories, 'listPending');
      const panel = await openPagedQueue(user);
      expect(
        within(panel)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Kladde 705', 'Kladde 704']);
      expect(
        within(panel).getByText(/^Historier, der venter på godkendelse: 2 vist – der kan være flere\./),
      ).toBeInTheDocument();

      await act(async () => {
        await user.click(within(panel).getByRole('button', { name: 'Vis flere' }));
      });
      await settle();
      expect(listPending).toHaveBeenCalledTimes(1);
      expect(listPending).toHaveBeenCalledWith(20, 704);
      expect(
        within(panel)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Kladde 705', 'Kladde 704', 'Kladde 703', 'Kladde 702', 'Kladde 701']);
      // The first new story takes the focus; the count is told; nothing more to read.
      expect(within(panel).getByRole('article', { name: 'Kladde 703' })).toHaveFocus();
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('3 historier mere til godkendelse er vist'),
      );
      expect(within(panel).queryByRole('button', { name: 'Vis flere' })).toBeNull();
      expect(screen.getByRole('tab', { name: /^Til godkendelse \(5\)/ })).toBeInTheDocument();
      expect(within(panel).getByText(/^Historier, der venter på godkendelse: 5\. Godkend/)).toBeInTheDocument();
    });

    it('keeps the queue and offers to try again when the next page cannot be read', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions(
        {},
        {
          user: OWNER,
          permissions: { isSiteOwner: true },
          pendingForModeration: { shown: 2 },
          data: { stories: MANY },
        },
      );
      services.failNext('stories.listPending', new DataError('network'));
      const panel = await openPagedQueue(user);
      await act(async () => {
        await user.click(within(panel).getByRole('button', { name: 'Vis flere' }));
      });
      await settle();
      expect(within(panel).getByText('Flere historier til godkendelse blev ikke hentet.')).toBeInTheDocument();
      expect(within(panel).getAllByRole('heading', { level: 3 })).toHaveLength(2);
      await act(async () => {
        await user.click(within(panel).getByRole('button', { name: 'Prøv igen' }));
      });
      await settle();
      expect(within(panel).getAllByRole('heading', { level: 3 })).toHaveLength(5);
      expect(within(panel).queryByText('Flere historier til godkendelse blev ikke hentet.')).toBeNull();
    });

    it('does not list a story twice when it was approved meanwhile and the next page starts below it', async () => {
      const user = userEvent.setup();
      await renderAmbitions(
        {},
        {
          user: OWNER,
          permissions: { isSiteOwner: true },
          pendingForModeration: { shown: 2 },
          data: { stories: MANY },
        },
      );
      const panel = await openPagedQueue(user);
      await act(async () => {
        await user.click(
          within(within(panel).getByRole('article', { name: 'Kladde 704' })).getByRole('button', { name: 'Godkend' }),
        );
      });
      await settle();
      await act(async () => {
        await user.click(within(panel).getByRole('button', { name: 'Vis flere' }));
      });
      await settle();
      expect(
        within(panel)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(['Kladde 705', 'Kladde 703', 'Kladde 702', 'Kladde 701']);
    });
  });
});

describe('rejecting with a reason', () => {
  it('says in Danish that the reason is required, and sends nothing', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
    );
    const moderate = jest.spyOn(services.stories, 'moderate');
    const panel = await openQueue(user);
    const article = within(panel).getByRole('article', { name: 'Venter på dig' });
    await act(async () => {
      await user.click(within(article).getByRole('button', { name: 'Afvis …' }));
    });
    await act(async () => {
      // Spaces only are no reason either.
      await user.type(within(article).getByRole('textbox', { name: /^Begrundelse for afvisningen/ }), '   ');
      await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
    });
    expect(within(article).getByText('Begrundelsen for afvisningen skal udfyldes.')).toBeInTheDocument();
    expect(moderate).not.toHaveBeenCalled();
    expect(services.data.stories.find((s) => s.id === 601)?.moderationStatus).toBe(MODERATION_STATUS.pending);
  });

  it('keeps the reason typed when rejecting fails, and rejects with it on the next try', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      { user: OWNER, permissions: { isSiteOwner: true }, pendingForModeration: true, data: { stories: PENDING } },
    );
    services.failNext('stories.moderate', new DataError('network'));
    const panel = await openQueue(user);
    const article = within(panel).getByRole('article', { name: 'Venter på dig' });
    await act(async () => {
      await user.click(within(article).getByRole('button', { name: 'Afvis …' }));
    });
    const reason = within(article).getByRole('textbox', { name: /^Begrundelse for afvisningen/ });
    await act(async () => {
      await user.type(reason, 'Skriv den uden navne.');
      await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
    });
    await settle();
    expect(within(article).getByText('Historien blev ikke behandlet.')).toBeInTheDocument();
    expect(reason).toHaveValue('Skriv den uden navne.');
    expect(services.data.stories.find((s) => s.id === 601)?.moderationStatus).toBe(MODERATION_STATUS.pending);

    await act(async () => {
      await user.click(within(article).getByRole('button', { name: 'Afvis historien' }));
    });
    await settle();
    expect(services.data.stories.find((s) => s.id === 601)).toMatchObject({
      moderationStatus: MODERATION_STATUS.denied,
      moderationComment: 'Skriv den uden navne.',
    });
    expect(within(panel).queryByRole('article', { name: 'Venter på dig' })).toBeNull();
  });
});
