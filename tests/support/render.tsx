import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import * as strings from 'MpkStrings';
import { MpkRoot } from '../../src/ui/shell/MpkRoot';
import type { ThemeKind } from '../../src/ui/shell/theme';

/** Renders a component inside the product's provider with the real Danish strings. */
export function renderInShell(element: React.ReactElement, theme: ThemeKind = 'light'): RenderResult {
  return render(
    <MpkRoot strings={strings} theme={theme}>
      {element}
    </MpkRoot>,
  );
}
