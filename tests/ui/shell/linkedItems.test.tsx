import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { MODERATION_STATUS } from '../../../src/domain/workflow';
import { linkedItemId } from '../../../src/ui/shell/inbox/linkedItem';
import { renderAmbitions, story } from '../ambitions/support';
import { fakeFor, LEADER, renderFollowUp } from '../followUp/fixtures';
import { fakeFor as planFake, renderPlan } from '../plan/fixtures';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());
afterEach(() => window.history.replaceState(null, '', '/'));

describe('opening the item a link names', () => {
  it('reads the Teams sub-entity first, then the SharePoint address', () => {
    expect(linkedItemId('task', '?mpkTask=7', 'task-12')).toBe(12);
    expect(linkedItemId('task', '?mpkTask=7', '5')).toBe(7);
    expect(linkedItemId('plan', undefined, 'plan-3')).toBe(3);
    expect(linkedItemId('story', '?mpkStory=44&x=1')).toBe(44);
    expect(linkedItemId('task', '?mpkTask=-1')).toBeUndefined();
    expect(linkedItemId('task', '?mpkTask=abc', 'task-')).toBeUndefined();
    expect(linkedItemId('initiative', '?mpkInitiative=9')).toBe(9);
  });

  it('opens the task of a Teams deep link (task-<id>) in the personal app, focused', async () => {
    renderFollowUp(fakeFor({ user: LEADER, canManageTasks: false }), { host: 'teams-personal', subPageId: 'task-1' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-mpk-task')).toBe('1'));
    expect(document.activeElement).toHaveTextContent('Følg op på trivselsmålingen');
  });

  it('opens the task of ?mpkTask= on a SharePoint page, on "Mine opgaver" for the chefgruppe', async () => {
    window.history.replaceState(null, '', '/?mpkTask=1');
    renderFollowUp(fakeFor({ user: { ...LEADER }, canManageTasks: true }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-mpk-task')).toBe('1'));
    expect(screen.getByRole('tab', { name: 'Mine opgaver' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens the story of ?mpkStory= and of a "Nyt til dig" entry in the ambitions', async () => {
    const stories = [
      story({ id: 41, title: 'Vi turde', moderationStatus: MODERATION_STATUS.approved }),
      story({ id: 42, title: 'Stolte pædagoger', moderationStatus: MODERATION_STATUS.approved }),
    ];
    window.history.replaceState(null, '', '/?mpkStory=42');
    await renderAmbitions(
      {},
      {
        data: { stories },
        notifications: [
          {
            id: 'n1',
            kind: 'storyApproved',
            at: '2026-03-10T09:00:00Z',
            actorName: 'Anders Admin',
            target: { type: 'story', id: 41 },
            subject: 'Vi turde',
            read: false,
          },
        ],
      },
    );
    await waitFor(() => expect(document.activeElement?.getAttribute('data-mpk-story')).toBe('42'));
    await userEvent.click(screen.getByRole('button', { name: /^Nyt til dig/ }));
    const panel = await screen.findByRole('dialog', { name: 'Nyt til dig' });
    await userEvent.click(await within(panel).findByRole('button', { name: /Din historie "Vi turde" er godkendt/ }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-mpk-story')).toBe('41'));
  });
});

describe('opening an initiative from "Nyt til dig" in the plan', () => {
  it('opens the initiative of a check-in reminder: its heading takes focus', async () => {
    const services = planFake({
      notifications: [
        {
          id: 'r:checkInDue:11:2026-03-06',
          kind: 'checkInDue',
          at: '2026-03-06T00:00:00.000Z',
          target: { type: 'initiative', id: 11, unitId: 1, planId: 1 },
          subject: 'Trivselsmåling i alle dagtilbud',
          read: false,
        },
      ],
    });
    await renderPlan(services);
    await userEvent.click(screen.getByRole('button', { name: /^Nyt til dig 1 ulæst/ }));
    const panel = await screen.findByRole('dialog', { name: 'Nyt til dig' });
    await userEvent.click(
      await within(panel).findByRole('button', {
        name: /Indsatsen Trivselsmåling i alle dagtilbud har ikke fået en statusmelding i 14 dage/,
      }),
    );
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H4'));
    expect(document.activeElement?.textContent).toBe('Trivselsmåling i alle dagtilbud');
    // Opened with its check-ins and dialog, as a link's card is.
    const article = document.activeElement?.closest('article') as HTMLElement;
    // (Once the closing panel has given the page back to assistive technology.)
    await waitFor(() =>
      expect(within(article).getByRole('button', { name: strings.plan.initiative.hideDetails })).toHaveAttribute(
        'aria-expanded',
        'true',
      ),
    );
  });
});
