import * as React from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AMBITIONS } from '../../../src/domain/ambitions';
import { AmbitionsApp } from '../../../src/ui/ambitions/AmbitionsApp';
import { renderInShell } from '../../support/render';

describe('AmbitionsApp', () => {
  describe('when it is first shown', () => {
    it('lists the five ambitions by their Danish titles, in the strategy order', () => {
      renderInShell(<AmbitionsApp />);
      const list = screen.getByRole('list', { name: 'De fem ambitioner' });
      const headings = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
      expect(headings).toEqual([
        'Mod og stolthed',
        'Viden og faglighed',
        'Sammenhæng og samarbejde',
        'Tillid og ansvar i ledelse',
        'Gode rammer',
      ]);
    });

    it('shows each quote and the number of commitments, with the commitments collapsed', () => {
      renderInShell(<AmbitionsApp />);
      expect(screen.getByText('Vi skal skabe en arbejdsplads, som gør ledere og medarbejdere stolte')).toBeVisible();
      expect(screen.getAllByText(/^\d+ forpligtelser$/).map((e) => e.textContent)).toEqual([
        '5 forpligtelser',
        '6 forpligtelser',
        '5 forpligtelser',
        '6 forpligtelser',
        '5 forpligtelser',
      ]);
      expect(screen.getByText('Tale åbent om fejl og lære af dem.')).not.toBeVisible();
    });
  });

  describe('when a reader expands an ambition', () => {
    it('reveals every "Vi vil" commitment of that ambition and says so to assistive technology', async () => {
      const user = userEvent.setup();
      renderInShell(<AmbitionsApp />);
      const card = screen.getByRole('article', { name: 'Viden og faglighed' });
      const toggle = within(card).getByRole('button', { name: 'Vis hvad vi vil' });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');

      await act(async () => {
        await user.click(toggle);
      });

      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      expect(toggle).toHaveTextContent('Skjul hvad vi vil');
      const items = within(card).getAllByRole('listitem').map((li) => li.textContent);
      expect(items).toEqual(AMBITIONS[1].commitments.map((c) => c.text));
      expect(within(card).getByText('Have mod til at stoppe de ting, der ikke virker.')).toBeVisible();
    });

    it('can be operated with the keyboard alone', async () => {
      const user = userEvent.setup();
      renderInShell(<AmbitionsApp />);
      await act(async () => {
        await user.tab();
      });
      const first = screen.getAllByRole('button', { name: 'Vis hvad vi vil' })[0];
      expect(first).toHaveFocus();
      await act(async () => {
        await user.keyboard('{Enter}');
      });
      expect(first).toHaveAttribute('aria-expanded', 'true');
    });
  });

  describe('when the editor hides the ambitions block', () => {
    it('shows the title and lead but no ambitions', () => {
      renderInShell(<AmbitionsApp showAmbitions={false} />);
      expect(screen.getByRole('heading', { level: 2, name: 'Ambitioner og hverdagshistorier' })).toBeInTheDocument();
      expect(screen.queryByRole('list', { name: 'De fem ambitioner' })).toBeNull();
    });
  });
});
