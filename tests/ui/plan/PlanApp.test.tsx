import * as React from 'react';
import { screen } from '@testing-library/react';
import { PlanApp } from '../../../src/ui/plan/PlanApp';
import { renderInShell } from '../../support/render';

describe('PlanApp', () => {
  describe('before the plan lists exist', () => {
    it('shows its title and explains what the plan will hold, without pretending to show data', () => {
      renderInShell(<PlanApp />);
      const region = screen.getByRole('region', { name: 'Ambitionsplan' });
      expect(region).toHaveTextContent(/ledergruppen enhedens ambitionsplan/);
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByRole('list')).toBeNull();
    });
  });
});
