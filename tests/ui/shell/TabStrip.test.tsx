import * as React from 'react';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TabStrip } from '../../../src/ui/shell/TabStrip';
import { renderInShell } from '../../support/render';

type Value = 'a' | 'b' | 'c';
const TABS: ReadonlyArray<{ value: Value; label: string }> = [
  { value: 'a', label: 'Første' },
  { value: 'b', label: 'Anden' },
  { value: 'c', label: 'Tredje' },
];

function Harness(props: { tabs?: typeof TABS; initial?: Value }): JSX.Element {
  const [selected, setSelected] = React.useState<Value>(props.initial ?? 'a');
  const tabs = props.tabs ?? TABS;
  return (
    <>
      <button type="button">før</button>
      <TabStrip<Value>
        label="Faner"
        selected={selected}
        onSelect={setSelected}
        tabs={tabs.map((t) => ({ value: t.value, label: t.label, id: `tab-${t.value}`, controls: `panel-${t.value}` }))}
      />
      {tabs.map((t) => (
        <div
          key={t.value}
          role="tabpanel"
          id={`panel-${t.value}`}
          aria-labelledby={`tab-${t.value}`}
          hidden={t.value !== selected}
        >
          Indhold {t.label}
        </div>
      ))}
    </>
  );
}

describe('TabStrip follows the WAI-ARIA tabs pattern', () => {
  it('names the list, marks the chosen tab and ties each tab to its panel', () => {
    renderInShell(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Faner' })).toBeInTheDocument();
    const first = screen.getByRole('tab', { name: 'Første' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Anden' })).toHaveAttribute('aria-selected', 'false');
    expect(first).toHaveAttribute('aria-controls', 'panel-a');
    expect(screen.getByRole('tabpanel', { name: 'Første' })).toHaveTextContent('Indhold Første');
  });

  it('is one tab stop: Tab reaches the chosen tab only', async () => {
    const user = userEvent.setup();
    renderInShell(
      <>
        <Harness initial="b" />
        <button type="button">efter</button>
      </>,
    );
    await act(async () => {
      await user.tab();
      await user.tab();
    });
    expect(screen.getByRole('tab', { name: 'Anden' })).toHaveFocus();
    await act(async () => {
      await user.tab();
    });
    expect(screen.getByRole('button', { name: 'efter' })).toHaveFocus();
  });

  it('moves focus with the arrow keys, Home and End (wrapping), and chooses with Enter, Space or a click', async () => {
    const user = userEvent.setup();
    renderInShell(<Harness />);
    const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });
    act(() => tab('Første').focus());
    await act(async () => {
      await user.keyboard('{ArrowRight}');
    });
    expect(tab('Anden')).toHaveFocus();
    // Moving focus does not choose.
    expect(tab('Første')).toHaveAttribute('aria-selected', 'true');
    await act(async () => {
      await user.keyboard('{ArrowRight}{ArrowRight}');
    });
    expect(tab('Første')).toHaveFocus();
    await act(async () => {
      await user.keyboard('{ArrowLeft}');
    });
    expect(tab('Tredje')).toHaveFocus();
    await act(async () => {
      await user.keyboard('{Home}');
    });
    expect(tab('Første')).toHaveFocus();
    await act(async () => {
      await user.keyboard('{End}{Enter}');
    });
    expect(tab('Tredje')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Tredje')).toHaveAttribute('tabindex', '0');
    expect(tab('Første')).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel', { name: 'Tredje' })).toBeVisible();
    await act(async () => {
      await user.keyboard('{Home} ');
    });
    expect(tab('Første')).toHaveAttribute('aria-selected', 'true');
    await act(async () => {
      await user.click(tab('Anden'));
    });
    expect(tab('Anden')).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps one tab stop when the chosen tab is not in the list', () => {
    renderInShell(<Harness tabs={TABS.slice(0, 2)} initial="c" />);
    expect(screen.getByRole('tab', { name: 'Første' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'Anden' })).toHaveAttribute('tabindex', '-1');
  });
});
