import * as React from 'react';
import { screen } from '@testing-library/react';
import { Badge } from '../../../src/ui/shell/Badge';
import { renderInShell } from '../../support/render';

/** The declared value of a CSS property on an element, from the style rules Griffel inserted. */
function styleOf(element: HTMLElement, property: string): string {
  return window.getComputedStyle(element).getPropertyValue(property);
}

describe("Badge (Fluent's Badge look without its style table)", () => {
  it('shows its text in a 20 px label, with the colours of its appearance and colour', () => {
    renderInShell(
      <>
        <Badge appearance="tint" color="success" shape="rounded">
          Erfaring
        </Badge>
        <Badge appearance="filled" color="brand" shape="rounded">
          Fremhævet
        </Badge>
        <Badge appearance="outline" color="danger">
          Afvist
        </Badge>
      </>,
    );
    const tint = screen.getByText('Erfaring');
    const filled = screen.getByText('Fremhævet');
    const outline = screen.getByText('Afvist');
    for (const badge of [tint, filled, outline]) {
      expect(styleOf(badge, 'height')).toBe('20px');
      expect(styleOf(badge, 'display')).toBe('inline-flex');
    }
    expect(styleOf(tint, 'background-color')).toBe('var(--colorPaletteGreenBackground1)');
    expect(styleOf(tint, 'color')).toBe('var(--colorPaletteGreenForeground1)');
    expect(styleOf(tint, 'border-top-color')).toBe('var(--colorPaletteGreenBorder1)');
    expect(styleOf(tint, 'border-radius')).toBe('var(--borderRadiusMedium)');
    expect(styleOf(filled, 'background-color')).toBe('var(--colorBrandBackground)');
    expect(styleOf(filled, 'color')).toBe('var(--colorNeutralForegroundOnBrand)');
    expect(styleOf(outline, 'color')).toBe('var(--colorPaletteRedForeground3)');
    expect(styleOf(outline, 'border-left-color')).toBe('var(--colorPaletteRedBorder2)');
    // Circular unless asked for rounded, as Fluent's.
    expect(styleOf(outline, 'border-radius')).toBe('var(--borderRadiusCircular)');
  });

  it('keeps a class given to it', () => {
    renderInShell(
      <Badge appearance="outline" color="warning" className="mine">
        Ventende
      </Badge>,
    );
    expect(screen.getByText('Ventende')).toHaveClass('mine');
    expect(styleOf(screen.getByText('Ventende'), 'color')).toBe('var(--colorPaletteYellowForeground2)');
  });
});
