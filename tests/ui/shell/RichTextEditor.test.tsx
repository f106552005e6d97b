import * as React from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RichTextEditor from '../../../src/ui/shell/RichTextEditor';
import { renderInShell } from '../../support/render';

describe("the story editor's toolbar", () => {
  it('shows icons named in Danish for screen readers and as tooltips, with no spelled-out words', () => {
    renderInShell(<RichTextEditor value="" onChange={() => undefined} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Formatering' });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Fed',
      'Kursiv',
      'Punktopstilling',
      'Nummereret liste',
      'Tilføj link',
    ]);
    expect(buttons.map((b) => b.getAttribute('title'))).toEqual([
      'Fed (Ctrl+B)',
      'Kursiv (Ctrl+I)',
      'Punktopstilling',
      'Nummereret liste',
      'Tilføj link',
    ]);
    for (const button of buttons) {
      expect(button.querySelector('svg')).not.toBeNull();
      expect(button.textContent).toBe('');
    }
    expect(screen.getByRole('button', { name: 'Fed' })).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  });

  it('opens the link address from its icon', async () => {
    const user = userEvent.setup({ delay: null });
    renderInShell(<RichTextEditor value="" onChange={() => undefined} />);
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Tilføj link' }));
    });
    expect(screen.getByRole('textbox', { name: 'Linkadresse' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Indsæt link' })).toBeInTheDocument();
  });
});
