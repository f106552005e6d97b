import * as React from 'react';
import { screen } from '@testing-library/react';
import { Text } from '@fluentui/react-components';
import { Spinner } from '../../../src/ui/shell/Spinner';
import { renderInShell } from '../../support/render';

/** The declared value of a CSS property on an element, from the style rules Griffel inserted. */
function styleOf(element: Element, property: string): string {
  return window.getComputedStyle(element).getPropertyValue(property);
}

describe("Spinner (Fluent's Spinner look and roles without its package)", () => {
  it('is a progress bar named by its label, the ring before the label (Fluent: label after)', () => {
    renderInShell(<Spinner size="tiny" label="Henter …" />);
    const bar = screen.getByRole('progressbar', { name: 'Henter …' });
    const [ring, label] = Array.from(bar.children);
    expect(ring.tagName).toBe('SPAN');
    expect(label.tagName).toBe('LABEL');
    expect(bar).toHaveAttribute('aria-labelledby', label.id);
    // Fluent's tiny ring: 20 px, the thick stroke; the label in body text.
    expect(styleOf(ring, 'width')).toBe('20px');
    expect(styleOf(ring, 'height')).toBe('20px');
    expect(styleOf(ring, '--fui-Spinner--strokeWidth')).toBe('var(--strokeWidthThick)');
    expect(styleOf(label, 'font-size')).toBe('var(--fontSizeBase300)');
    expect(styleOf(label, 'color')).toBe('var(--colorNeutralForeground1)');
    expect(styleOf(bar, 'display')).toBe('flex');
    expect(styleOf(bar, 'gap')).toBe('8px');
  });

  it('draws the medium size by default, its label as a subtitle, and takes an element as label', () => {
    renderInShell(
      <>
        <Spinner label="Indlæser" />
        <Spinner size="tiny" label={<Text>Reparerer</Text>} />
      </>,
    );
    const medium = screen.getByRole('progressbar', { name: 'Indlæser' });
    expect(styleOf(medium.children[0], 'width')).toBe('32px');
    expect(styleOf(medium.children[0], '--fui-Spinner--strokeWidth')).toBe('var(--strokeWidthThicker)');
    expect(styleOf(medium.children[1], 'font-size')).toBe('var(--fontSizeBase400)');
    expect(styleOf(medium.children[1], 'font-weight')).toBe('var(--fontWeightSemibold)');
    expect(screen.getByRole('progressbar', { name: 'Reparerer' })).toBeInTheDocument();
  });

  it('without a label is an unnamed progress bar with only the ring', () => {
    renderInShell(<Spinner size="extra-tiny" />);
    const bar = screen.getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-labelledby');
    expect(bar.children).toHaveLength(1);
    expect(styleOf(bar.children[0], 'width')).toBe('16px');
  });
});
