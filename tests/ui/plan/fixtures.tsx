import * as React from 'react';
import { act, render, screen, within, type RenderResult } from '@testing-library/react';
import * as strings from 'MpkStrings';
import { PlanApp } from '../../../src/ui/plan/PlanApp';
import type { IPlanAppProps } from '../../../src/ui/plan/PlanApp.types';
import { LocaleProvider } from '../../../src/ui/shell/locale';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { ServicesContext } from '../../../src/ui/shell/services';
import type { ThemeKind } from '../../../src/ui/shell/theme';
import {
  createFakeServices,
  LEADER_PERMISSIONS,
  READER_PERMISSIONS,
  type IFakeData,
  type IFakeServices,
  type IFakeServicesOptions,
} from '../../support/fakeServices';

/** Tuesday 10 March 2026 in Copenhagen. */
export const NOW = new Date('2026-03-10T10:00:00Z');
export const now = (): Date => NOW;

export const LEADER = { id: 7, email: 'leder@mpk.local', displayName: 'Lene Leder' };
export const EMPLOYEE = { id: 10, email: 'medarbejder@mpk.local', displayName: 'Mads Medarbejder' };
export const OWNER = { id: 1, email: 'admin@mpk.local', displayName: 'Anna Admin' };

export const CHANNEL = '19:laering-ledergruppe@thread.tacv2';
export const TEAM = '6f1c1e52-4c2a-4b41-9a57-6d1b1d2f0a11';

/** Læring og Trivsel (unit 1, mapped to CHANNEL) with its 2026 draft plan; Økonomi (2) without a plan. */
export function planData(): Partial<IFakeData> {
  return {
    units: [
      {
        id: 1,
        clientKey: 'laering-og-trivsel',
        name: 'Læring og Trivsel',
        kind: 'coreArea',
        leaderIds: [7],
        order: 1,
        teamsChannelId: CHANNEL,
        teamsChannelName: 'Ledergruppen',
      },
      { id: 2, clientKey: 'oekonomi', name: 'Økonomi', kind: 'staff', leaderIds: [11], order: 2 },
      { id: 3, clientKey: 'skoler', name: 'Skoler', kind: 'department', parentId: 1, leaderIds: [12], order: 3 },
    ],
    politicalPriorities: [
      { id: 1, clientKey: 'folkeskolen', key: 'folkeskolen', title: 'Fælles om folkeskolen', order: 1, active: true },
      { id: 2, clientKey: 'groen', key: 'groen', title: 'En mere grøn og bæredygtig kommune', order: 2, active: true },
      { id: 3, clientKey: 'gammel', key: 'gammel', title: 'Udgået prioritet', order: 3, active: false },
    ],
    plans: [{ id: 1, clientKey: 'unit-1-plan-2026', unitId: 1, period: '2026', status: 'draft', ownerId: 7 }],
    planFocuses: [
      {
        id: 1,
        clientKey: 'plan-1-focus-mod-og-stolthed',
        planId: 1,
        unitId: 1,
        ambitionKey: 'mod-og-stolthed',
        relevance: 'high',
        localMeaning: 'Vi fortæller om det, der lykkes i dagtilbuddene.',
      },
    ],
    initiatives: [
      {
        id: 11,
        clientKey: 'i11',
        planId: 1,
        unitId: 1,
        title: 'Trivselsmåling i alle dagtilbud',
        description: 'Måling hvert halve år.',
        ambitionKey: 'mod-og-stolthed',
        commitmentKey: 'mod-og-stolthed-1',
        politicalPriorityId: 1,
        ownerId: 7,
        status: 'inProgress',
        startDate: '2026-01-05',
        endDate: '2026-12-18',
        successMeasure: 'Trivslen stiger i næste måling.',
      },
      {
        id: 12,
        clientKey: 'i12',
        planId: 1,
        unitId: 1,
        title: 'Fælles faglige netværk',
        ambitionKey: 'viden-og-faglighed',
        status: 'planned',
      },
    ],
    checkIns: [
      {
        id: 21,
        clientKey: 'c21',
        initiativeId: 11,
        unitId: 1,
        health: 'green',
        progress: 20,
        date: '2026-01-15',
        comment: 'God start.',
      },
      { id: 22, clientKey: 'c22', initiativeId: 11, unitId: 1, health: 'yellow', progress: 35, date: '2026-02-20' },
    ],
    comments: [
      {
        id: 31,
        clientKey: 'k31',
        initiativeId: 11,
        unitId: 1,
        body: 'Skal vi også måle i SFO?',
        authorId: 12,
        created: '2026-02-21T09:00:00Z',
      },
    ],
  };
}

/** The fake for a leader of Læring og Trivsel (or anyone else with `options`). */
export function fakeFor(options: IFakeServicesOptions = {}): IFakeServices {
  return createFakeServices({ user: LEADER, now, permissions: LEADER_PERMISSIONS, data: planData(), ...options });
}

/** An employee: reads and comments. */
export function employeeFake(options: IFakeServicesOptions = {}): IFakeServices {
  return fakeFor({ user: EMPLOYEE, permissions: READER_PERMISSIONS, ...options });
}

/** The plan inside the product's provider, with the Danish strings and the fake services. */
export function planElement(
  services: IFakeServices,
  props: Partial<IPlanAppProps> = {},
  theme: ThemeKind = 'light',
): React.ReactElement {
  return (
    <MpkRoot strings={strings} theme={theme}>
      <LocaleProvider locale="da-DK">
        <ServicesContext.Provider value={services}>
          <PlanApp host="sharepoint" unitId={1} now={now} {...props} />
        </ServicesContext.Provider>
      </LocaleProvider>
    </MpkRoot>
  );
}

/** Renders the plan and waits until the first view has loaded. */
export async function renderPlan(services: IFakeServices, props: Partial<IPlanAppProps> = {}): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(planElement(services, props));
  });
  await settle();
  return result as RenderResult;
}

/** Lets pending promises (the fake's answers, lazy chunks) resolve. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** The card (article) of an initiative, by its title. */
export function card(title: string): HTMLElement {
  return screen.getByRole('article', { name: title });
}

/** The card of an initiative with its details open (its actions, check-ins and dialog are in them). */
export async function openCard(title: string): Promise<HTMLElement> {
  const article = card(title);
  const toggle = within(article).getByRole('button', { name: /^(Vis|Skjul) detaljer$/ });
  if (toggle.getAttribute('aria-expanded') !== 'true') {
    await act(async () => {
      toggle.click();
    });
    await settle();
  }
  return article;
}

/** The section of an ambition, by its title. */
export function ambitionSection(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

export { within };
