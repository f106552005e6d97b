import * as React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { TeamsInbox, type ITeamsInboxEntry } from '../../../preview/TeamsInbox';

const MENTION: ITeamsInboxEntry = {
  kind: 'channelMention',
  from: 'chef@mpk.local',
  text: 'Lene Madsen Christian Holm har givet dig en opfølgningsopgave: Ring til forældrene.',
  webUrl: 'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000000?groupId=g',
  links: ['https://teams.microsoft.com/l/entity/app/opfoelgning?context=%7B%22subEntityId%22%3A%22task-7%22%7D'],
  at: '2026-03-10T09:15:00Z',
};

function stub(answers: ITeamsInboxEntry[][]): jest.Mock {
  let call = 0;
  return jest.fn(async () => {
    const body = answers[Math.min(call++, answers.length - 1)];
    return { ok: true, status: 200, json: async () => body } as Response;
  });
}

describe("the preview's Teams inbox", () => {
  it("shows the person's Teams from the local Graph, refreshes on request and polls while open", async () => {
    jest.useFakeTimers();
    const fetcher = stub([[], [MENTION], [MENTION, { ...MENTION, kind: 'chatMessage', text: 'Hej', links: [] }]]);
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <TeamsInbox user="leder@mpk.local" pollMs={3000} fetcher={fetcher} />
      </FluentProvider>,
    );
    await act(async () => undefined);
    expect(fetcher).toHaveBeenCalledWith('/_local/graph/inbox?user=leder%40mpk.local');
    expect(screen.getByText('Ingen beskeder i Teams endnu.')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(3000);
    });
    const item = screen.getByText('Omtale i kanal').closest('li') as HTMLElement;
    expect(item).toHaveTextContent(MENTION.text);
    expect(item).toHaveTextContent('Fra chef@mpk.local');
    expect(
      within(item)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([MENTION.webUrl, ...(MENTION.links ?? [])]);

    jest.useRealTimers();
    await userEvent.click(screen.getByRole('button', { name: 'Opdatér' }));
    expect(await screen.findByText('Chatbesked')).toBeInTheDocument();
    unmount();
  });

  it('says so when the local Graph does not answer', async () => {
    const fetcher = jest.fn(async () => ({ ok: false, status: 404, json: async () => ({}) }) as Response);
    render(
      <FluentProvider theme={webLightTheme}>
        <TeamsInbox user="leder@mpk.local" fetcher={fetcher} />
      </FluentProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Den lokale Graph svarede ikke: HTTP 404');
  });
});
