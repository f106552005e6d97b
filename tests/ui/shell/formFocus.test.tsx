import * as React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AnnouncerProvider, useAnnounce } from '../../../src/ui/shell/Announcer';
import { SavedNotice } from '../../../src/ui/shell/SavedNotice';
import { useFormFocus } from '../../../src/ui/shell/useFormFocus';
import { CONFIRMATION_MS, useSavedConfirmation } from '../../../src/ui/shell/useSavedConfirmation';

/** A form that opens from a button and closes on "Annuller" or "Gem" (the saved row then takes focus). */
function Opened(props: { onClose(saved: boolean): void; withField?: boolean }): JSX.Element {
  const focus = useFormFocus<HTMLFormElement>();
  const [title, setTitle] = React.useState('');
  const [error, setError] = React.useState(false);
  return (
    <form
      ref={focus.ref}
      onSubmit={(e) => {
        e.preventDefault();
        if (!title) {
          setError(true);
          focus.focusFirstError();
        } else props.onClose(true);
      }}
    >
      <h4 tabIndex={-1}>Ny række</h4>
      {props.withField !== false && (
        <>
          <label>
            Note <input />
          </label>
          <label>
            Titel <input aria-invalid={error} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
        </>
      )}
      <button type="submit">Gem</button>
      <button type="button" onClick={() => props.onClose(false)}>
        Annuller
      </button>
    </form>
  );
}

function Rows(props: { withField?: boolean }): JSX.Element {
  const saved = useSavedConfirmation(useAnnounce());
  const [open, setOpen] = React.useState(false);
  const [rows, setRows] = React.useState<string[]>([]);
  const list = React.useRef<HTMLUListElement>(null);
  return (
    <>
      <SavedNotice text={saved.text} />
      <ul ref={list} aria-label="Rækker">
        {rows.map((row) => (
          <li key={row} tabIndex={-1}>
            {row}
          </li>
        ))}
      </ul>
      <button onClick={() => setOpen(true)}>Tilføj række</button>
      {open && (
        <Opened
          withField={props.withField}
          onClose={(isSaved) => {
            setOpen(false);
            if (!isSaved) return;
            setRows((r) => r.concat(`Række ${r.length + 1}`));
            saved.confirm('Rækken er gemt.', () => list.current?.lastElementChild as HTMLElement | null);
          }}
        />
      )}
    </>
  );
}

function renderRows(withField?: boolean): void {
  render(
    <AnnouncerProvider>
      <Rows withField={withField} />
    </AnnouncerProvider>,
  );
}

describe('focus in a form that opens and closes (useFormFocus)', () => {
  it('moves into the first field when the form opens, and back to the opener when it is cancelled', async () => {
    const user = userEvent.setup({ delay: null });
    renderRows();
    await user.click(screen.getByRole('button', { name: 'Tilføj række' }));
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tilføj række' })).toHaveFocus());
  });

  it('moves to the heading of a form without fields', async () => {
    const user = userEvent.setup({ delay: null });
    renderRows(false);
    await user.click(screen.getByRole('button', { name: 'Tilføj række' }));
    expect(screen.getByRole('heading', { name: 'Ny række' })).toHaveFocus();
  });

  it('moves to the first field with an error after a refused submit, keeping what was typed', async () => {
    const user = userEvent.setup({ delay: null });
    renderRows();
    await user.click(screen.getByRole('button', { name: 'Tilføj række' }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Husk mødet');
    await user.click(screen.getByRole('button', { name: 'Gem' }));
    expect(screen.getByRole('textbox', { name: 'Titel' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Husk mødet');
  });
});

describe('a save made visible (useSavedConfirmation and SavedNotice)', () => {
  const scrollIntoView = Element.prototype.scrollIntoView;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it('shows the confirmation, says it once, focuses what was saved, and goes after a few seconds', async () => {
    const user = userEvent.setup({ delay: null, advanceTimers: jest.advanceTimersByTime });
    renderRows();
    const scrolled = jest.fn();
    Element.prototype.scrollIntoView = scrolled;
    await user.click(screen.getByRole('button', { name: 'Tilføj række' }));
    await user.type(screen.getByRole('textbox', { name: 'Titel' }), 'A');
    await user.click(screen.getByRole('button', { name: 'Gem' }));
    act(() => {
      jest.advanceTimersByTime(100);
    });
    expect(screen.getByRole('note')).toHaveTextContent('Rækken er gemt.');
    expect(screen.getByRole('listitem')).toHaveFocus();
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    // The announcer says it; the visible notice is no second live region.
    expect(screen.getByRole('status')).toHaveTextContent('Rækken er gemt.');
    expect(screen.getAllByText('Rækken er gemt.')).toHaveLength(2);
    expect(screen.getByRole('note')).not.toHaveAttribute('aria-live');
    act(() => {
      jest.advanceTimersByTime(CONFIRMATION_MS);
    });
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByRole('listitem')).toHaveFocus();
  });
});
