import '@testing-library/jest-dom';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'MpkStrings';
import { AMBITIONS } from '../../../src/domain/ambitions';
import type { IOverviewRow } from '../../../src/domain/overview';
import { MATRIX_FIRST_ROWS, OverviewMatrix } from '../../../src/ui/followUp/OverviewMatrix';
import { StringsContext } from '../../../src/ui/shell/strings';

/** The matrix words its codes with the strings of its web part (`useStrings()`). */
const withStrings = {
  wrapper: (p: { children?: React.ReactNode }) => (
    <StringsContext.Provider value={strings}>{p.children}</StringsContext.Provider>
  ),
};

/** A municipality's worth of units, none with a plan yet. */
function rows(count: number): IOverviewRow[] {
  return Array.from({ length: count }, (_, i) => ({
    unit: { id: i + 1, clientKey: `u${i + 1}`, name: `Enhed ${i + 1}`, kind: 'institution', leaderIds: [] },
    cells: AMBITIONS.map((ambition) => ({
      unitId: i + 1,
      ambitionKey: ambition.key,
      initiativeCount: 0,
      activeInitiativeCount: 0,
      initiativesByStatus: { planned: 0, inProgress: 0, completed: 0, stopped: 0 },
      trend: 'unknown' as const,
    })),
  }));
}

const props = {
  ambitions: AMBITIONS.map((a) => ({
    key: a.key,
    title: a.title,
    order: a.order,
    introduction: [],
    quote: '',
    commitments: [],
  })),
  since: '2026-01-01',
  locale: 'da' as const,
  strings: strings.followUp.matrix,
};

describe('the overview matrix', () => {
  it('draws the first rows at once and the rest frame by frame, so the first screen does not wait for 200 units', async () => {
    render(
      <OverviewMatrix
        {...(props as unknown as Omit<React.ComponentProps<typeof OverviewMatrix>, 'rows'>)}
        rows={rows(200)}
        progressive
      />,
      withStrings,
    );
    const table = screen.getByRole('table');
    // A header row plus the first rows.
    expect(within(table).getAllByRole('row')).toHaveLength(1 + MATRIX_FIRST_ROWS);
    // jsdom draws a frame per timer tick: on a loaded two-core machine 200 rows take more than the 1 s default.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 200), { timeout: 15000 });
    expect(within(table).getByRole('rowheader', { name: 'Enhed 200' })).toBeInTheDocument();
  });

  it('draws every row at once for print (not progressive)', () => {
    render(
      <OverviewMatrix
        {...(props as unknown as Omit<React.ComponentProps<typeof OverviewMatrix>, 'rows'>)}
        rows={rows(60)}
      />,
      withStrings,
    );
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(61);
  });

  it('counts in the singular for one and the plural for more ("1 aktiv", "2 aktive")', () => {
    const [row] = rows(1);
    row.cells[0] = { ...row.cells[0], planId: 1, initiativeCount: 1, activeInitiativeCount: 1 };
    row.cells[1] = { ...row.cells[1], planId: 1, initiativeCount: 3, activeInitiativeCount: 2 };
    render(
      <OverviewMatrix
        {...(props as unknown as Omit<React.ComponentProps<typeof OverviewMatrix>, 'rows'>)}
        rows={[row]}
      />,
      withStrings,
    );
    const cells = within(screen.getByRole('table')).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('1 indsats · 1 aktiv');
    expect(cells[0]).not.toHaveTextContent('1 aktive');
    expect(cells[1]).toHaveTextContent('3 indsatser · 2 aktive');
  });
});

/** Læring og Trivsel (with a plan) and two units under it, Alle Kan Bidrage without one, alone. */
function grouped(): IOverviewRow[] {
  const [laering, alle, dagtilbud, skole] = rows(4);
  const withPlan = (row: IOverviewRow): IOverviewRow => ({
    ...row,
    cells: row.cells.map((cell) => ({ ...cell, planId: row.unit.id })),
  });
  return [
    withPlan({ ...laering, unit: { ...laering.unit, name: 'Læring og Trivsel', kind: 'coreArea' } }),
    { ...alle, unit: { ...alle.unit, name: 'Alle Kan Bidrage', kind: 'coreArea' } },
    { ...dagtilbud, unit: { ...dagtilbud.unit, name: 'Dagtilbud Øst', parentId: 1 } },
    withPlan({ ...skole, unit: { ...skole.unit, name: 'Stenhus Skole', parentId: 1 } }),
  ];
}

function renderMatrix(extra: Partial<React.ComponentProps<typeof OverviewMatrix>> = {}): HTMLElement {
  render(
    <OverviewMatrix
      {...(props as unknown as Omit<React.ComponentProps<typeof OverviewMatrix>, 'rows'>)}
      rows={grouped()}
      {...extra}
    />,
    withStrings,
  );
  return screen.getByRole('table');
}

describe('the matrix in groups, with one cell for a unit without a plan', () => {
  it('says "Ingen gældende plan" once per unit without a plan, in one cell across the five ambitions', () => {
    const table = renderMatrix();
    const noPlan = within(table).getAllByRole('cell', { name: 'Ingen gældende plan' });
    expect(noPlan).toHaveLength(2);
    for (const cell of noPlan) expect(cell).toHaveAttribute('colspan', String(AMBITIONS.length));
    expect(within(table).getAllByText('Ingen gældende plan')).toHaveLength(2);
  });

  it('puts the units under their kerneområde: a body per group, the kerneområde as its header', () => {
    const table = renderMatrix();
    const bodies = within(table)
      .getAllByRole('rowgroup')
      .filter((g) => g.tagName === 'TBODY');
    expect(
      bodies.map((b) =>
        within(b)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ),
    ).toEqual([['Læring og Trivsel', 'Dagtilbud Øst', 'Stenhus Skole'], ['Alle Kan Bidrage']]);
    expect(within(bodies[0]).getByRole('rowheader', { name: 'Læring og Trivsel' })).toHaveAttribute(
      'scope',
      'rowgroup',
    );
    expect(within(bodies[0]).getByRole('rowheader', { name: 'Dagtilbud Øst' })).toHaveAttribute('scope', 'row');
    expect(within(bodies[1]).getByRole('rowheader', { name: 'Alle Kan Bidrage' })).toHaveAttribute('scope', 'row');
  });

  it('shows only the units without a plan when asked, naming their kerneområde above them', () => {
    const table = renderMatrix({ onlyWithoutPlan: true });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Læring og Trivsel', 'Dagtilbud Øst', 'Alle Kan Bidrage']);
    expect(within(table).queryByRole('rowheader', { name: 'Stenhus Skole' })).not.toBeInTheDocument();
    // The kerneområde has a plan: only its name heads the group, across the table.
    expect(within(table).getByRole('rowheader', { name: 'Læring og Trivsel' })).toHaveAttribute('colspan', '6');
  });
});
