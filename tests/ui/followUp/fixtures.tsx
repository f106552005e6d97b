import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import * as strings from 'MpkStrings';
import {
  createFakeServices,
  type IFakeData,
  type IFakeServices,
  type IFakeServicesOptions,
} from '../../support/fakeServices';
import { FollowUpApp, type IFollowUpAppProps } from '../../../src/ui/followUp/FollowUpApp';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { ServicesContext } from '../../../src/ui/shell/services';

/** Tuesday 10 March 2026, week 11, in Copenhagen. */
export const NOW = new Date('2026-03-10T10:00:00Z');

/** Users: chef 8 (chefgruppe), Lene 9 (leader of Læring og Trivsel), 11 (leader of Økonomi), Mads 10 (employee). */
export const CHEF = { id: 8, email: 'chef@mpk.local', displayName: 'Christian Holm' };
export const LEADER = { id: 9, email: 'leder@mpk.local', displayName: 'Lene Madsen' };
export const EMPLOYEE = { id: 10, email: 'medarbejder@mpk.local', displayName: 'Mads Nielsen' };

/** A small municipality: two units, their 2026 plans, initiatives with history, tasks and stories. */
export function demoData(): Partial<IFakeData> {
  return {
    units: [
      { id: 1, clientKey: 'laering-og-trivsel', name: 'Læring og Trivsel', kind: 'coreArea', leaderIds: [9], order: 1 },
      { id: 2, clientKey: 'oekonomi', name: 'Økonomi', kind: 'staff', leaderIds: [11], order: 2 },
    ],
    plans: [
      { id: 1, clientKey: 'p1', unitId: 1, period: '2026', status: 'followUp', ownerId: 9 },
      { id: 2, clientKey: 'p2', unitId: 2, period: '2026', status: 'approved', ownerId: 11 },
    ],
    planFocuses: [
      { id: 1, clientKey: 'f1', planId: 1, ambitionKey: 'mod-og-stolthed', relevance: 'high' },
      { id: 2, clientKey: 'f2', planId: 1, ambitionKey: 'viden-og-faglighed', relevance: 'medium' },
      { id: 3, clientKey: 'f3', planId: 1, ambitionKey: 'gode-rammer', relevance: 'notRelevant' },
      { id: 4, clientKey: 'f4', planId: 2, ambitionKey: 'mod-og-stolthed', relevance: 'low' },
    ],
    initiatives: [
      {
        id: 1,
        clientKey: 'i1',
        planId: 1,
        unitId: 1,
        title: 'Trivselsmåling i alle dagtilbud',
        ambitionKey: 'mod-og-stolthed',
        status: 'inProgress',
      },
      {
        id: 2,
        clientKey: 'i2',
        planId: 1,
        unitId: 1,
        title: 'Fortællecafé for personalet',
        ambitionKey: 'mod-og-stolthed',
        status: 'planned',
      },
      {
        id: 3,
        clientKey: 'i3',
        planId: 1,
        unitId: 1,
        title: 'Papirløse møder',
        ambitionKey: 'viden-og-faglighed',
        status: 'stopped',
        stopReason: 'Det gav ikke mere tid til børnene.',
      },
      {
        id: 4,
        clientKey: 'i4',
        planId: 2,
        unitId: 2,
        title: 'Ny budgetmodel',
        ambitionKey: 'mod-og-stolthed',
        status: 'completed',
      },
    ],
    checkIns: [
      { id: 1, clientKey: 'c1', initiativeId: 1, health: 'green', progress: 20, date: '2026-01-15' },
      { id: 2, clientKey: 'c2', initiativeId: 1, health: 'red', progress: 30, date: '2026-03-01' },
      { id: 3, clientKey: 'c3', initiativeId: 2, health: 'yellow', progress: 10, date: '2026-03-05' },
      { id: 4, clientKey: 'c4', initiativeId: 4, health: 'green', progress: 100, date: '2026-02-20' },
    ],
    tasks: [
      {
        id: 1,
        clientKey: 't1',
        title: 'Følg op på trivselsmålingen',
        unitId: 1,
        ambitionKey: 'mod-og-stolthed',
        assigneeId: 9,
        dueDate: '2026-03-02',
        status: 'open',
        meeting: 'Chefgruppemøde februar 2026',
      },
      {
        id: 2,
        clientKey: 't2',
        title: 'Budgetmodellen til direktionen',
        unitId: 2,
        initiativeId: 4,
        assigneeId: 11,
        dueDate: '2026-04-15',
        status: 'inProgress',
        meeting: 'Chefgruppemøde marts 2026',
      },
      {
        id: 3,
        clientKey: 't3',
        title: 'Plan for bedre rammer',
        unitId: 1,
        ambitionKey: 'gode-rammer',
        assigneeId: 9,
        dueDate: '2026-01-10',
        status: 'closed',
        meeting: 'Chefgruppemøde februar 2026',
      },
    ],
    stories: [
      {
        id: 1,
        clientKey: 's1',
        title: 'Stolte pædagoger',
        body: '<p>Det lykkedes</p>',
        kind: 'success',
        ambitionKey: 'mod-og-stolthed',
        featured: false,
        recognitionCount: 0,
        moderationStatus: 0,
      },
      {
        id: 2,
        clientKey: 's2',
        title: 'Vi turde',
        body: '<p>Igen</p>',
        kind: 'success',
        ambitionKey: 'mod-og-stolthed',
        featured: false,
        recognitionCount: 0,
        moderationStatus: 0,
      },
      {
        id: 3,
        clientKey: 's3',
        title: 'Afventer',
        body: '<p>x</p>',
        kind: 'lesson',
        ambitionKey: 'viden-og-faglighed',
        featured: false,
        recognitionCount: 0,
        moderationStatus: 2,
      },
    ],
  };
}

/** The fake as the chefgruppe sees it (or another user with `options`). */
export function fakeFor(options: IFakeServicesOptions = {}): IFakeServices {
  return createFakeServices({ user: CHEF, now: () => NOW, canManageTasks: true, data: demoData(), ...options });
}

/** The English strings, loaded the way SharePoint loads an AMD loc file. */
export function englishStrings(): IMpkStrings {
  const source = fs.readFileSync(path.join(__dirname, '../../../src/loc/en-us.js'), 'utf8');
  let result: IMpkStrings | undefined;
  new Function('define', source)((_deps: string[], factory: () => IMpkStrings) => {
    result = factory();
  });
  return result as IMpkStrings;
}

/** Renders "Opfølgning" in the product's provider with the Danish strings (or others) and the fake services. */
export function renderFollowUp(
  services: IFakeServices,
  props: Partial<IFollowUpAppProps> = {},
  locale: { strings: IMpkStrings; tag: string } = { strings, tag: 'da-DK' },
): RenderResult {
  return render(
    <MpkRoot strings={locale.strings} locale={locale.tag}>
      <ServicesContext.Provider value={services}>
        <FollowUpApp now={NOW} {...props} />
      </ServicesContext.Provider>
    </MpkRoot>,
  );
}
