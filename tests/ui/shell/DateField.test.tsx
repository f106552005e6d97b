import '@testing-library/jest-dom';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { DateField } from '../../../src/ui/shell/DateField';

jest.setTimeout(60000);

/** A form's date kept as a form keeps it, with every value the field hands over. */
function Harness(props: { initial?: string; onChange?: (value: string) => void }): JSX.Element {
  const [value, setValue] = React.useState(props.initial ?? '');
  return (
    <MpkRoot strings={strings}>
      <DateField
        label="Startdato"
        value={value}
        onChange={(next) => {
          props.onChange?.(next);
          setValue(next);
        }}
      />
      <button type="button">Næste felt</button>
    </MpkRoot>
  );
}

function dateInput(): HTMLInputElement {
  return screen.getByRole('combobox', { name: 'Startdato' }) as HTMLInputElement;
}

describe('a date typed the Danish way is read', () => {
  it.each(['24.12.2026', '24/12-2026', '24-12-26'])('hands the form 2026-12-24 for %p', async (text) => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.type(dateInput(), text);
    await userEvent.tab();
    expect(onChange).toHaveBeenLastCalledWith('2026-12-24');
    expect(dateInput()).toHaveValue('24.12.2026');
    expect(dateInput()).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a stored date as 24.12.2026 and hands the form an empty value when it is cleared', async () => {
    const onChange = jest.fn();
    render(<Harness initial="2026-12-24" onChange={onChange} />);
    expect(dateInput()).toHaveValue('24.12.2026');
    await userEvent.clear(dateInput());
    await userEvent.tab();
    expect(onChange).toHaveBeenLastCalledWith('');
  });
});

describe('a date that does not exist is told in Danish and kept as typed', () => {
  it('keeps 31.11.2026, says it is not in the calendar and hands the form a value that is no date', async () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.type(dateInput(), '31.11.2026');
    await userEvent.tab();
    expect(dateInput()).toHaveValue('31.11.2026');
    expect(onChange).toHaveBeenLastCalledWith('31.11.2026');
    expect(screen.getByText('Startdato: 31.11.2026 findes ikke i kalenderen. Tjek dag og måned.')).toBeVisible();
    expect(dateInput()).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps text that is no date over a date that was there, and tells how to type one', async () => {
    render(<Harness initial="2026-12-24" />);
    await userEvent.clear(dateInput());
    await userEvent.type(dateInput(), 'juleaften');
    await userEvent.tab();
    expect(dateInput()).toHaveValue('juleaften');
    expect(
      screen.getByText('Startdato: »juleaften« kan ikke læses som en dato. Skriv den som fx 24.12.2026.'),
    ).toBeVisible();
  });

  it('drops the message once a real date is typed', async () => {
    render(<Harness initial="29.02.2027" />);
    expect(dateInput()).toHaveValue('29.02.2027');
    expect(screen.getByText(/findes ikke i kalenderen/)).toBeVisible();
    await userEvent.clear(dateInput());
    await userEvent.type(dateInput(), '28.02.2027');
    await userEvent.tab();
    expect(dateInput()).toHaveValue('28.02.2027');
    expect(screen.queryByText(/findes ikke i kalenderen/)).toBeNull();
  });
});

describe('the calendar speaks Danish, starts on Monday and shows week numbers', () => {
  it('opens on the chosen month with Danish names and picks a day', async () => {
    const onChange = jest.fn();
    render(<Harness initial="2026-12-24" onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Vælg dato i kalenderen' }));
    const calendar = await screen.findByRole('dialog', { name: 'Kalender' });
    expect(within(calendar).getAllByText(/december 2026/i).length).toBeGreaterThan(0);
    const headers = within(calendar)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.filter((text) => text)).toEqual(['ma', 'ti', 'on', 'to', 'fr', 'lø', 'sø']);
    expect(within(calendar).getByRole('rowheader', { name: 'uge 52' })).toBeInTheDocument();
    await userEvent.click(within(calendar).getByRole('button', { name: '31, december, 2026' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('2026-12-31'));
    expect(dateInput()).toHaveValue('31.12.2026');
  });

  it('opens from the keyboard with Alt+↓ and closes with Esc, back in the field', async () => {
    render(<Harness initial="2026-03-02" />);
    dateInput().focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const calendar = await screen.findByRole('dialog', { name: 'Kalender' });
    expect(within(calendar).getByRole('rowheader', { name: 'uge 10' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Kalender' })).toBeNull());
    expect(dateInput()).toHaveFocus();
    expect(dateInput()).toHaveValue('02.03.2026');
  });
});
