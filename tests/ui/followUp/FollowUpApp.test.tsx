import * as React from 'react';
import { screen } from '@testing-library/react';
import { FollowUpApp } from '../../../src/ui/followUp/FollowUpApp';
import { renderInShell } from '../../support/render';

describe('FollowUpApp', () => {
  describe('before the follow-up lists exist', () => {
    it('shows its title and explains what the chefgruppe will find here', () => {
      renderInShell(<FollowUpApp />, 'dark');
      const region = screen.getByRole('region', { name: 'Opfølgning' });
      expect(region).toHaveTextContent(/chefgruppen overblik/);
      expect(screen.queryByRole('table')).toBeNull();
    });
  });
});
