import * as React from 'react';
import { act, screen } from '@testing-library/react';
import { teamsHighContrastTheme, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import * as strings from 'MpkStrings';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { loadTheme, themeFor, type ThemeKind } from '../../../src/ui/shell/theme';
import { renderInShell } from '../../support/render';

function Probe(): JSX.Element {
  return <p>Indhold</p>;
}

/** The value Fluent's provider gives a token on the element that carries its CSS variables. */
function providerVariable(name: string): string {
  const styles = Array.from(document.querySelectorAll('style'))
    .map(
      (s) =>
        (s.textContent || '') +
        Array.from(s.sheet?.cssRules ?? [])
          .map((r) => r.cssText)
          .join('\n'),
    )
    .join('\n');
  const variable = name.replace(/^var\((--[^)]+)\)$/, '$1');
  const match = new RegExp(`${variable}:\\s*([^;]+);`).exec(styles);
  return match ? match[1].trim() : '';
}

describe('MpkRoot draws in the chosen look', () => {
  it('draws a light page at once', () => {
    renderInShell(<Probe />);
    expect(screen.getByText('Indhold')).toBeInTheDocument();
    expect(providerVariable(tokens.colorNeutralBackground1)).toBe(webLightTheme.colorNeutralBackground1);
  });

  it.each<ThemeKind>(['dark', 'contrast', 'dark'])(
    'draws a %s page once its theme is there, and switches back to light without a gap',
    async (kind) => {
      const fresh = themeFor(kind) === undefined;
      const view = renderInShell(<Probe />, kind);
      // The first page in this look waits for its theme rather than flashing the light one.
      if (fresh) expect(screen.queryByText('Indhold')).toBeNull();
      expect(await screen.findByText('Indhold')).toBeInTheDocument();
      const theme = kind === 'dark' ? webDarkTheme : teamsHighContrastTheme;
      expect(providerVariable(tokens.colorNeutralBackground1)).toBe(theme.colorNeutralBackground1);
      act(() => {
        view.rerender(
          <MpkRoot strings={strings} theme="light">
            <Probe />
          </MpkRoot>,
        );
      });
      expect(screen.getByText('Indhold')).toBeInTheDocument();
    },
  );
});

describe('Themes: light in the entry bundle, dark and high contrast loaded when chosen', () => {
  it('has the light theme at once and the others only after loading them', async () => {
    expect(themeFor('light')).toBe(webLightTheme);
    await expect(loadTheme('dark')).resolves.toBe(webDarkTheme);
    await expect(loadTheme('contrast')).resolves.toBe(teamsHighContrastTheme);
    expect(themeFor('dark')).toBe(webDarkTheme);
  });
});
