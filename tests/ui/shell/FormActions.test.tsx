import * as React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { FormActions } from '../../../src/ui/shell/FormActions';
import type { ISaveFlow } from '../../../src/ui/shell/useSaveFlow';
import { renderInShell } from '../../support/render';

interface IItem {
  title: string;
  due: string;
}

function flow(over: Partial<ISaveFlow<IItem>> = {}): ISaveFlow<IItem> {
  return {
    busy: false,
    error: undefined,
    conflict: undefined,
    run: async () => undefined,
    resolve: jest.fn(async () => undefined),
    dismissError: () => undefined,
    ...over,
  };
}

const texts = { failed: 'Ikke gemt', saving: 'Gemmer …', cancel: 'Annullér' };
const conflict = {
  base: { title: 'A', due: '2026-01-01' },
  mine: { title: 'Min titel', due: '2026-02-01' },
  theirs: { title: 'Deres titel', due: '2026-03-01' },
  fields: ['title', 'due'],
};

describe('the end of any form saved with useSaveFlow', () => {
  it('offers submit and cancel, and says it is saving while busy', async () => {
    const cancel = jest.fn();
    const { rerender } = renderInShell(<FormActions flow={flow()} texts={texts} submitLabel="Gem" onCancel={cancel} />);
    expect(screen.getByRole('button', { name: 'Gem' })).toHaveAttribute('type', 'submit');
    await userEvent.click(screen.getByRole('button', { name: 'Annullér' }));
    expect(cancel).toHaveBeenCalledTimes(1);
    rerender(
      <MpkRoot strings={strings}>
        <FormActions flow={flow({ busy: true })} texts={texts} submitLabel="Gem" onCancel={cancel} />
      </MpkRoot>,
    );
    expect(screen.getByRole('button', { name: 'Gemmer …' })).toBeDisabled();
  });

  it('shows a conflict with the form’s labels and its own reading of the values, in place of the buttons', async () => {
    const resolve = jest.fn(async () => undefined);
    renderInShell(
      <FormActions
        flow={flow({ conflict, resolve })}
        texts={texts}
        submitLabel="Gem"
        conflict={{
          labels: { title: 'Titel', due: 'Frist' },
          describe: (field, value) => (field === 'due' ? `frist ${String(value).slice(5)}` : String(value)),
        }}
      />,
    );
    expect(await screen.findByText('Deres titel')).toBeInTheDocument();
    expect(screen.getByText('Min titel')).toBeInTheDocument();
    expect(screen.getByText('frist 03-01')).toBeInTheDocument();
    expect(screen.getByText('frist 02-01')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: /Frist/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gem' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Behold/ }));
    expect(resolve).toHaveBeenCalledWith({ title: 'theirs', due: 'theirs' });
  });

  it('without the form’s texts, a conflict is not shown and the buttons stay', () => {
    renderInShell(<FormActions flow={flow({ conflict })} texts={texts} submitLabel="Gem" />);
    expect(screen.getByRole('button', { name: 'Gem' })).toBeInTheDocument();
    expect(screen.queryByText('Deres titel')).toBeNull();
  });
});
