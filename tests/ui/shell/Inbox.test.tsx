import * as React from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { DataError } from '../../../src/data/errors';
import type { INotification } from '../../../src/domain/notifications';
import { AnnouncerProvider } from '../../../src/ui/shell/Announcer';
import { InboxBell } from '../../../src/ui/shell/inbox/InboxBell';
import { ServicesContext } from '../../../src/ui/shell/services';
import { createFakeServices } from '../../support/fakeServices';
import { renderInShell } from '../../support/render';
import { fakeFor, LEADER, renderFollowUp } from '../followUp/fixtures';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

function entry(n: number, patch: Partial<INotification> = {}): INotification {
  return {
    id: `n${n}`,
    kind: 'taskAssigned',
    at: `2026-03-0${Math.min(9, n)}T09:00:00Z`,
    actorName: 'Christian Holm',
    target: { type: 'task', id: 1, unitId: 1 },
    subject: 'Følg op på trivselsmålingen',
    read: false,
    ...patch,
  };
}

const APPROVED = entry(2, {
  kind: 'storyApproved',
  actorName: 'Anders Admin',
  target: { type: 'story', id: 4 },
  subject: 'Stolte pædagoger',
  links: { page: 'https://contoso.sharepoint.com/sites/mpk/SitePages/Ambitioner.aspx?mpkStory=4' },
});

function leader(notifications: INotification[]): ReturnType<typeof fakeFor> {
  return fakeFor({ user: LEADER, canManageTasks: false, notifications });
}

async function bell(name: RegExp | string = /^Nyt til dig/): Promise<HTMLElement> {
  return screen.findByRole('button', { name });
}

async function openPanel(): Promise<HTMLElement> {
  await userEvent.click(await bell());
  return screen.findByRole('dialog', { name: strings.inbox.panelTitle });
}

describe('"Nyt til dig" in the follow-up', () => {
  it("shows the first view's unread count on the bell without a request of its own", async () => {
    const services = leader([entry(1), APPROVED]);
    renderFollowUp(services);
    expect(await bell('Nyt til dig 2 ulæste')).toHaveTextContent('Nyt til dig 2 ulæste');
    expect(services.calls).not.toContain('notifications.page');
  });

  it('lists the entries newest first in Danish, marks the unread ones, and "Markér alle som læst" zeroes the bell', async () => {
    const services = leader([
      entry(1, { read: true }),
      APPROVED,
      entry(3, { kind: 'taskOverdue', actorName: undefined }),
    ]);
    services.inboxState.settings.read = ['n1'];
    renderFollowUp(services);
    const panel = await openPanel();
    const items = await within(panel).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Ulæst: Fristen er overskredet: Følg op på trivselsmålingen/),
      expect.stringMatching(/^Ulæst: Din historie "Stolte pædagoger" er godkendt/),
      expect.stringMatching(/^Christian Holm har givet dig en opfølgningsopgave: Følg op på trivselsmålingen/),
    ]);
    expect(items[2]).toHaveTextContent('1. marts 2026');
    await userEvent.click(within(panel).getByRole('button', { name: 'Markér alle som læst' }));
    await waitFor(() => expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(strings.inbox.allMarkedRead));
    expect(services.calls).toContain('notifications.markAllRead');
    expect(within(panel).queryByText(/Ulæst:/)).toBeNull();
    await userEvent.click(within(panel).getByRole('button', { name: strings.inbox.close }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const zeroed = screen.getByRole('button', { name: 'Nyt til dig', hidden: true });
    await waitFor(() => expect(zeroed).toHaveFocus());
  });

  it("opens a task entry inside the web part: read, panel closed, the task's card focused, the count one less", async () => {
    const services = leader([entry(1), APPROVED]);
    renderFollowUp(services);
    const panel = await openPanel();
    await userEvent.click(await within(panel).findByRole('button', { name: /opfølgningsopgave/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('data-mpk-task')).toBe('1'));
    expect(services.calls).toContain('notifications.markRead');
    expect(services.inboxState.settings.read).toEqual(['n1']);
    expect(await bell('Nyt til dig 1 ulæst')).toBeInTheDocument();
  });

  it('follows the SharePoint link of an entry that belongs to another web part, and has no link without one', async () => {
    const services = leader([
      APPROVED,
      entry(3, { kind: 'recognised', count: 3, target: { type: 'story', id: 5 }, subject: 'Vi turde' }),
    ]);
    renderFollowUp(services);
    const panel = await openPanel();
    const link = await within(panel).findByRole('link', { name: /Stolte pædagoger/ });
    expect(link).toHaveAttribute('href', APPROVED.links?.page);
    expect(
      within(panel)
        .getByText(/3 kolleger anerkendte din historie Vi turde/)
        .closest('a, button'),
    ).toBeNull();
  });

  it('closes on Escape with focus back on the bell', async () => {
    renderFollowUp(leader([entry(1)]));
    await openPanel();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const button = screen.getByRole('button', { name: /^Nyt til dig/, hidden: true });
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('pages with "Vis flere"', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      entry(i + 1, { id: `n${i + 1}`, at: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString() }),
    );
    renderFollowUp(leader(many));
    const panel = await openPanel();
    expect(await within(panel).findAllByRole('listitem')).toHaveLength(20);
    await userEvent.click(within(panel).getByRole('button', { name: 'Vis flere' }));
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(25));
    expect(within(panel).queryByRole('button', { name: 'Vis flere' })).toBeNull();
  });

  it('says so when the list cannot be read, and reads it again on "Prøv igen"', async () => {
    const services = leader([entry(1)]);
    services.failNext('notifications.page', new DataError('network'));
    renderFollowUp(services);
    const panel = await openPanel();
    expect(await within(panel).findByText(strings.inbox.loadFailed)).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Prøv igen' }));
    expect(await within(panel).findAllByRole('listitem')).toHaveLength(1);
  });
});

describe('"Indstillinger for Nyt til dig"', () => {
  it('saves the kinds turned off, shows "Gemt", and keeps the choices when a save fails', async () => {
    const services = leader([entry(1)]);
    renderFollowUp(services);
    const panel = await openPanel();
    await userEvent.click(within(panel).getByRole('button', { name: strings.inboxSettings.heading }));
    const box = await within(panel).findByRole('checkbox', { name: strings.inboxSettings.kinds.taskDueSoon });
    expect(box).toBeChecked();
    await userEvent.click(box);
    services.failNext('notifications.saveSettings', new DataError('network'));
    await userEvent.click(within(panel).getByRole('button', { name: strings.inboxSettings.save }));
    expect(await within(panel).findByText(strings.inboxSettings.saveFailed)).toBeInTheDocument();
    expect(box).not.toBeChecked();
    expect(services.inboxState.settings.off).toEqual([]);
    await userEvent.click(within(panel).getByRole('button', { name: strings.inboxSettings.save }));
    expect(await within(panel).findByText('Gemt')).toBeInTheDocument();
    expect(services.inboxState.settings.off).toEqual(['taskDueSoon']);
    // Turning a kind off takes its entries out of the list (read again) and off the bell.
    await userEvent.click(within(panel).getByRole('checkbox', { name: strings.inboxSettings.kinds.taskAssigned }));
    await userEvent.click(within(panel).getByRole('button', { name: strings.inboxSettings.save }));
    await waitFor(() => expect(within(panel).queryByText(/opfølgningsopgave/)).toBeNull());
    expect(within(panel).getByText(strings.inbox.empty)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nyt til dig', hidden: true })).toBeInTheDocument();
  });
});

describe('the delivery line', () => {
  it('says who was told in Teams, and calmly what failed, once, dismissable', async () => {
    const services = leader([]);
    renderFollowUp(services);
    await bell();
    act(() => services.deliver({ kind: 'taskAssigned', recipients: 1, teams: 'sent' }));
    expect(await screen.findByText('Modtageren har fået besked i Teams.')).toBeInTheDocument();
    act(() => services.deliver({ kind: 'nudge', recipients: 2, teams: 'sent' }));
    expect(await screen.findByText('2 personer har fået besked i Teams.')).toBeInTheDocument();
    expect(screen.queryByText('Modtageren har fået besked i Teams.')).toBeNull();
    act(() => services.deliver({ kind: 'taskAssigned', recipients: 1, teams: 'failed', reason: 'forbidden' }));
    const failed =
      'Opgaven er gemt, men beskeden i Teams kunne ikke sendes (ingen adgang). Modtageren kan se den under Nyt til dig.';
    expect(await screen.findByText(failed)).toBeInTheDocument();
    // Said in the line's own live region (the surface's announcer keeps what the action said).
    const region = document.querySelector('[data-mpk="delivery-line"]') as HTMLElement;
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent(failed);
    await userEvent.click(screen.getByRole('button', { name: strings.delivery.dismiss }));
    expect(region).toBeEmptyDOMElement();
    act(() => services.deliver({ kind: 'taskAssigned', recipients: 1, teams: 'skipped' }));
    expect(region).toBeEmptyDOMElement();
  });
});

describe('the bell on its own', () => {
  it('shows "9+" when more may be unread than the first view counted', async () => {
    const services = createFakeServices({ user: LEADER });
    renderInShell(
      <ServicesContext.Provider value={services}>
        <AnnouncerProvider>
          <InboxBell summary={{ unread: 9, complete: false }} />
        </AnnouncerProvider>
      </ServicesContext.Provider>,
    );
    expect(await bell('Nyt til dig 9+ ulæste')).toHaveTextContent('9+');
  });
});
