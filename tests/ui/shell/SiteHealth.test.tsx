import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IHealthFinding } from '../../../src/data/repositories/types';
import { OWNER, renderAmbitions, settle } from '../ambitions/support';
import {
  fakeFor as planFake,
  LEADER as PLAN_LEADER,
  OWNER as PLAN_OWNER,
  renderPlan,
  settle as settlePlan,
} from '../plan/fixtures';
import { CHEF, fakeFor as followUpFake, renderFollowUp } from '../followUp/fixtures';
import { LEADER_PERMISSIONS } from '../../support/fakeServices';

jest.setTimeout(30_000);

const FINDINGS: IHealthFinding[] = [
  { scope: 'reflections', list: 'MPK Refleksioner', setting: 'ReadSecurity', expected: 2, actual: 1, risk: 'high' },
  { scope: 'stories', list: 'MPK Historier', setting: 'EnableModeration', expected: true, actual: false, risk: 'high' },
  { scope: 'plans', list: 'MPK Planer', setting: 'uniquePermissions', expected: false, actual: true, risk: 'medium' },
];

const OWNER_PERMISSIONS = { ...LEADER_PERMISSIONS, isSiteOwner: true };

describe('the site health notice', () => {
  it('shows a site owner what differs, why and how, and repairs it with "Ret indstillingerne"', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      { user: OWNER, permissions: { isSiteOwner: true }, health: FINDINGS },
    );
    const title = await screen.findByText('Sikkerhedsindstillinger afviger fra planen');
    expect(title).toBeVisible();
    expect(screen.getByText(/^3 indstillinger på listerne er ændret/)).toBeVisible();
    expect(services.calls.filter((c) => c === 'provisioning.health')).toHaveLength(1);

    const details = screen.getByRole('button', { name: 'Vis hvad der afviger' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await user.click(details);
    const panel = screen.getByRole('region', { name: 'Det afviger fra planen' });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Høj risiko');
    expect(items[0]).toHaveTextContent(
      'MPK Refleksioner: læseadgang er »Læseadgang til alle elementer«, men skal være »Læseadgang til elementer, som brugeren har oprettet«.',
    );
    expect(items[0]).toHaveTextContent('Derfor betyder det noget:Alle kan se andres egne noter.');
    expect(items[0]).toHaveTextContent('Sådan retter du det:Vælg »Ret indstillingerne«');
    expect(items[1]).toHaveTextContent('Nye historier vises for alle uden at være godkendt.');
    expect(items[2]).toHaveTextContent('Middel risiko');
    expect(items[2]).toHaveTextContent('MPK Planer: listen har fået egne tilladelser, men skal arve sitets.');
    expect(screen.getByRole('button', { name: 'Skjul detaljer' })).toHaveAttribute('aria-expanded', 'true');

    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Ret indstillingerne' }));
    });
    expect(await screen.findByText('Indstillingerne er rettet')).toBeVisible();
    expect(screen.getByText(/^3 ændringer – listerne følger planen igen\./)).toBeVisible();
    expect(screen.getByText('Tilladelser arves igen: MPK Planer (uniquePermissions)')).toBeVisible();
    expect(services.calls.slice(-2)).toEqual(['provisioning.provision', 'provisioning.health']);
    expect(services.health).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Luk' }));
    expect(screen.queryByText('Indstillingerne er rettet')).toBeNull();
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
  });

  it('shows a leader nothing and asks nothing, even on a site with findings', async () => {
    const { services } = await renderAmbitions({}, { health: FINDINGS });
    await settle();
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
    expect(services.calls).toEqual(['views.loadAmbitionsView']);
  });

  it('shows a site owner nothing when the site follows the plan', async () => {
    const { services } = await renderAmbitions({}, { user: OWNER, permissions: { isSiteOwner: true } });
    await waitFor(() => expect(services.calls).toContain('provisioning.health'));
    await settle();
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
  });

  it('keeps the findings when the repair fails, and says so', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      { user: OWNER, permissions: { isSiteOwner: true }, health: FINDINGS },
    );
    await screen.findByText('Sikkerhedsindstillinger afviger fra planen');
    services.failNext('provisioning.provision', new Error('boom'));
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Ret indstillingerne' }));
    });
    expect(await screen.findByText('Indstillingerne blev ikke rettet')).toBeVisible();
    expect(screen.getByText('Sikkerhedsindstillinger afviger fra planen')).toBeVisible();
  });

  it('is reported by "Klargør site" too: the setup panel says how many settings it restored', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      { provisioned: false, user: OWNER, permissions: { isSiteOwner: true }, health: FINDINGS },
    );
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Klargør site' }));
    });
    await settle();
    expect(screen.getByText('Sitet er klargjort')).toBeInTheDocument();
    expect(screen.getByText(/3 sikkerhedsindstillinger afveg fra planen og er rettet\./)).toBeInTheDocument();
    // The check after the run finds nothing left: no notice.
    expect(services.calls).toContain('provisioning.health');
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
  });

  it('is in the plan web part for the owner, not for the leader', async () => {
    const owner = planFake({ user: PLAN_OWNER, permissions: OWNER_PERMISSIONS, health: FINDINGS });
    const { unmount } = await renderPlan(owner);
    await settlePlan();
    expect(await screen.findByText('Sikkerhedsindstillinger afviger fra planen')).toBeVisible();
    unmount();

    const leader = planFake({ user: PLAN_LEADER, health: FINDINGS });
    await renderPlan(leader);
    await settlePlan();
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
    expect(leader.calls).not.toContain('provisioning.health');
  });

  it('is in the follow-up web part for the owner, not for the chefgruppe', async () => {
    const owner = followUpFake({
      user: CHEF,
      canManageTasks: true,
      permissions: { isSiteOwner: true },
      health: FINDINGS,
    });
    const { unmount } = renderFollowUp(owner);
    expect(await screen.findByText('Sikkerhedsindstillinger afviger fra planen')).toBeVisible();
    unmount();

    const chef = followUpFake({ user: CHEF, canManageTasks: true, health: FINDINGS });
    renderFollowUp(chef);
    await screen.findByRole('tab', { name: /Overblik/ });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText('Sikkerhedsindstillinger afviger fra planen')).toBeNull();
    expect(chef.calls).not.toContain('provisioning.health');
  });
});
