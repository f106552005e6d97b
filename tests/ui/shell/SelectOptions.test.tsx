import '@testing-library/jest-dom';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { SelectOptions } from '../../../src/ui/shell/SelectOptions';

const UNITS = [
  { id: 1, name: 'Læring og Trivsel' },
  { id: 2, name: 'Økonomi' },
];

describe('SelectOptions', () => {
  it('puts the empty option first (value ""), then one option per item with its value and label', () => {
    render(
      <select aria-label="Enhed" defaultValue="">
        <SelectOptions empty="Alle" items={UNITS} value={(u) => String(u.id)} label={(u) => u.name} />
      </select>,
    );
    const options = within(screen.getByRole('combobox', { name: 'Enhed' })).getAllByRole('option');
    expect(options.map((o) => [(o as HTMLOptionElement).value, o.textContent])).toEqual([
      ['', 'Alle'],
      ['1', 'Læring og Trivsel'],
      ['2', 'Økonomi'],
    ]);
  });

  it('leaves the empty option out when none is named', () => {
    render(
      <select aria-label="Status" defaultValue="open">
        <SelectOptions items={['open', 'closed']} value={(s) => s} label={(s) => s.toUpperCase()} />
      </select>,
    );
    const options = within(screen.getByRole('combobox', { name: 'Status' })).getAllByRole('option');
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['open', 'closed']);
  });
});
