import * as React from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import { MODERATION_STATUS, type IStory } from '../../../src/domain';
import type { IAmbitionsView, IUnitItem } from '../../../src/data/repositories/types';
import { AmbitionsApp, type IAmbitionsAppProps } from '../../../src/ui/ambitions/AmbitionsApp';
import { ServicesContext } from '../../../src/ui/shell/services';
import { createFakeServices, type IFakeServices, type IFakeServicesOptions } from '../../support/fakeServices';
import { renderInShell } from '../../support/render';

/** The demo user of these tests (an employee). */
export const EMPLOYEE = { id: 11, email: 'medarbejder@mpk.local', displayName: 'Mette Medarbejder' };
/** A site owner (editor). */
export const OWNER = { id: 3, email: 'admin@mpk.local', displayName: 'Anders Admin' };

/** Two kerneområder and one institution under the first. */
export const UNITS: IUnitItem[] = [
  {
    id: 1,
    clientKey: 'laering-og-trivsel',
    key: 'laering-og-trivsel',
    name: 'Læring og Trivsel',
    kind: 'coreArea',
    leaderIds: [],
    order: 1,
  },
  {
    id: 2,
    clientKey: 'aktiv-hele-livet',
    key: 'aktiv-hele-livet',
    name: 'Aktiv Hele Livet',
    kind: 'coreArea',
    leaderIds: [],
    order: 4,
  },
  { id: 5, clientKey: 'skole', name: 'Holbæk Skole', kind: 'institution', parentId: 1, leaderIds: [], order: 1 },
];

let storyId = 100;

/** A published story; `days` ago sets its creation date (newer = larger id as well). */
export function story(patch: Partial<IStory> & { title: string }): IStory {
  const id = patch.id ?? storyId++;
  return {
    id,
    clientKey: `story-${id}`,
    body: `<p>${patch.title} – sådan gjorde vi.</p>`,
    kind: 'success',
    ambitionKey: 'mod-og-stolthed',
    unitId: 1,
    featured: false,
    recognitionCount: 0,
    moderationStatus: MODERATION_STATUS.approved,
    created: `2026-11-${String(10 + (id % 15)).padStart(2, '0')}T09:00:00Z`,
    authorId: 40,
    ...patch,
  };
}

/** Extra behaviour of the view this surface reads when the data layer offers it. */
export interface IRenderOptions extends IFakeServicesOptions {
  /**
   * Stories an owner must approve (`view.pendingForModeration`): all of them, or only the newest
   * `shown` (then `morePendingForModeration` and `pendingBelow` say where "Vis flere" goes on).
   */
  pendingForModeration?: boolean | { shown: number };
}

/** Renders the web part with a fake `IMpkServices` and waits for the first view. */
export async function renderAmbitions(
  props: IAmbitionsAppProps = {},
  options: IRenderOptions = {},
): Promise<{ services: IFakeServices }> {
  const services = createFakeServices({ user: EMPLOYEE, ...options, data: { units: UNITS, ...options.data } });
  if (options.pendingForModeration) {
    // Pending stories of everybody, as the data layer gives site owners.
    const load = services.views.loadAmbitionsView.bind(services.views);
    services.views.loadAmbitionsView = async (query) => {
      const view: IAmbitionsView = await load(query);
      const pending = services.data.stories
        .filter((s) => s.moderationStatus === MODERATION_STATUS.pending)
        .map((s) => ({ ...s }));
      const shown =
        typeof options.pendingForModeration === 'object' ? options.pendingForModeration.shown : pending.length;
      view.pendingForModeration = pending.slice(0, shown);
      view.morePendingForModeration = pending.length > shown;
      if (view.morePendingForModeration) view.pendingBelow = shown > 0 ? pending[shown - 1].id : undefined;
      return view;
    };
  }
  renderInShell(
    <ServicesContext.Provider value={services}>
      <AmbitionsApp {...props} />
    </ServicesContext.Provider>,
  );
  await waitFor(() => expect(screen.queryByText('Indlæser …')).toBeNull());
  await settle();
  return { services };
}

/** Waits until pending promises and timers of the fake have settled. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
