import * as React from 'react';
import { screen } from '@testing-library/react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Notice, NoticeActions, NoticeBody, NoticeTitle, type NoticeIntent } from '../../../src/ui/shell/Notice';
import { renderInShell } from '../../support/render';

/** The declared value of a CSS property on an element, from the style rules Griffel inserted. */
function styleOf(element: Element, property: string): string {
  return window.getComputedStyle(element).getPropertyValue(property);
}

const PROPERTIES = {
  root: [
    'display',
    'white-space',
    'grid-template-columns',
    'grid-template-areas',
    'align-items',
    'padding-left',
    'padding-top',
    'border-top-width',
    'border-top-style',
    'border-top-color',
    'border-left-color',
    'border-radius',
    'min-height',
    'box-sizing',
    'background-color',
  ],
  icon: ['grid-area', 'font-size', 'margin-right', 'color', 'display', 'align-items'],
  body: ['font-family', 'font-size', 'font-weight', 'line-height', 'grid-area', 'padding-right'],
  title: ['font-family', 'font-size', 'font-weight', 'line-height'],
  actions: ['grid-area', 'display', 'column-gap', 'padding-right', 'justify-content', 'margin-top', 'margin-bottom'],
} as const;

/** The parts of a rendered notice (ours or Fluent's), found by structure, not by class. */
function partsOf(
  root: HTMLElement,
): Record<keyof typeof PROPERTIES, Element> & { svg: Element; spacer: Element | null } {
  const children = Array.from(root.children);
  const title = root.querySelector(`[id="${root.getAttribute('aria-labelledby') ?? ''}"]`);
  const actions = children.find((c) => c.querySelector('button'));
  if (!title || !actions) throw new Error('no title or actions');
  return {
    root,
    icon: children[0],
    svg: children[0].querySelector('svg') as Element,
    body: children[1],
    title,
    actions,
    spacer: children.length > 3 ? children[3] : null,
  };
}

function example(kind: 'ours' | 'fluent', intent: NoticeIntent, layout: 'singleline' | 'multiline'): JSX.Element {
  const testId = `${kind}-${intent}-${layout}`;
  return kind === 'ours' ? (
    <Notice intent={intent} layout={layout} data-testid={testId}>
      <NoticeBody>
        <NoticeTitle>Titel</NoticeTitle>
        Tekst
      </NoticeBody>
      <NoticeActions>
        <Button size="small">Prøv igen</Button>
      </NoticeActions>
    </Notice>
  ) : (
    <MessageBar intent={intent} layout={layout} data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>Titel</MessageBarTitle>
        Tekst
      </MessageBarBody>
      <MessageBarActions>
        <Button>Prøv igen</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

describe("Notice (Fluent's MessageBar look, roles and layout without its package)", () => {
  const intents: NoticeIntent[] = ['info', 'warning', 'error', 'success'];
  for (const intent of intents) {
    for (const layout of ['singleline', 'multiline'] as const) {
      it(`draws a ${layout} ${intent} notice as Fluent's MessageBar does (styles, roles, icon, button size)`, () => {
        renderInShell(
          <>
            {example('ours', intent, layout)}
            {example('fluent', intent, layout)}
          </>,
        );
        const ours = partsOf(screen.getByTestId(`ours-${intent}-${layout}`));
        const fluent = partsOf(screen.getByTestId(`fluent-${intent}-${layout}`));
        // Fluent's values (react-message-bar's style files), on ours. jsdom cannot compare the two
        // directly: it lets Fluent's base rules (makeResetStyles) win over its intent and layout rules.
        const multiline = layout === 'multiline';
        const expected: Record<keyof typeof PROPERTIES, Record<string, string>> = {
          root: {
            display: 'grid',
            'white-space': multiline ? 'normal' : 'nowrap',
            'grid-template-columns': multiline ? 'auto 1fr auto' : 'auto 1fr auto auto',
            'grid-template-areas': multiline
              ? '"icon body actions" "secondaryActions secondaryActions secondaryActions"'
              : '"icon body secondaryActions actions"',
            'align-items': multiline ? 'start' : 'center',
            'padding-left': 'var(--spacingHorizontalM)',
            'padding-top': multiline ? 'var(--spacingVerticalMNudge)' : '',
            'border-top-width': 'var(--strokeWidthThin)',
            'border-top-style': 'solid',
            'border-top-color': {
              info: 'var(--colorNeutralStroke1)',
              warning: 'var(--colorStatusWarningBorder1)',
              error: 'var(--colorStatusDangerBorder1)',
              success: 'var(--colorStatusSuccessBorder1)',
            }[intent],
            'border-left-color': {
              info: 'var(--colorNeutralStroke1)',
              warning: 'var(--colorStatusWarningBorder1)',
              error: 'var(--colorStatusDangerBorder1)',
              success: 'var(--colorStatusSuccessBorder1)',
            }[intent],
            'border-radius': 'var(--borderRadiusMedium)',
            'min-height': '36px',
            'box-sizing': 'border-box',
            'background-color': {
              info: 'var(--colorNeutralBackground3)',
              warning: 'var(--colorStatusWarningBackground1)',
              error: 'var(--colorStatusDangerBackground1)',
              success: 'var(--colorStatusSuccessBackground1)',
            }[intent],
          },
          icon: {
            'grid-area': 'icon',
            'font-size': 'var(--fontSizeBase500)',
            'margin-right': 'var(--spacingHorizontalS)',
            color: {
              info: 'var(--colorNeutralForeground3)',
              warning: 'var(--colorStatusWarningForeground3)',
              error: 'var(--colorStatusDangerForeground1)',
              success: 'var(--colorStatusSuccessForeground1)',
            }[intent],
            display: 'flex',
            'align-items': 'center',
          },
          body: {
            'font-family': 'var(--fontFamilyBase)',
            'font-size': 'var(--fontSizeBase300)',
            'font-weight': 'var(--fontWeightRegular)',
            'line-height': 'var(--lineHeightBase300)',
            'grid-area': 'body',
            'padding-right': 'var(--spacingHorizontalM)',
          },
          title: {
            'font-family': 'var(--fontFamilyBase)',
            'font-size': 'var(--fontSizeBase300)',
            'font-weight': 'var(--fontWeightSemibold)',
            'line-height': 'var(--lineHeightBase300)',
          },
          actions: {
            'grid-area': 'secondaryActions',
            display: 'flex',
            'column-gap': 'var(--spacingHorizontalM)',
            'padding-right': multiline ? 'var(--spacingVerticalM)' : 'var(--spacingHorizontalM)',
            'justify-content': multiline ? 'end' : '',
            'margin-top': multiline ? 'var(--spacingVerticalMNudge)' : '',
            'margin-bottom': multiline ? 'var(--spacingVerticalS)' : '',
          },
        };
        for (const part of Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[]) {
          for (const property of PROPERTIES[part]) {
            expect({ part, property, value: styleOf(ours[part], property).replace(/\s+/g, ' ').trim() }).toEqual({
              part,
              property,
              value: expected[part][property],
            });
          }
        }
        // Role group labelled by the title, the icon hidden, the same icon drawn.
        expect(ours.root).toHaveAttribute('role', 'group');
        expect(fluent.root).toHaveAttribute('role', 'group');
        expect(screen.getAllByRole('group', { name: 'Titel' })).toHaveLength(2);
        expect(ours.svg).toHaveAttribute('aria-hidden', 'true');
        expect(ours.svg.getAttribute('viewBox')).toBe(fluent.svg.getAttribute('viewBox'));
        expect(ours.svg.querySelector('path')?.getAttribute('d')).toBe(
          fluent.svg.querySelector('path')?.getAttribute('d'),
        );
        expect(ours.svg.getAttribute('fill')).toBe(fluent.svg.getAttribute('fill'));
        // The reflow spacer under a multiline notice, none on one line.
        expect(ours.spacer !== null).toBe(layout === 'multiline');
        expect(fluent.spacer !== null).toBe(layout === 'multiline');
        if (ours.spacer && fluent.spacer)
          expect(styleOf(ours.spacer, 'margin-bottom')).toBe(styleOf(fluent.spacer, 'margin-bottom'));
        // Fluent's actions make their buttons small; ours are given size="small".
        expect((ours.actions.querySelector('button') as Element).className.split(' ').length).toBeGreaterThan(0);
        expect(styleOf(ours.actions.querySelector('button') as Element, 'min-width')).toBe(
          styleOf(fluent.actions.querySelector('button') as Element, 'min-width'),
        );
      });
    }
  }

  it('keeps a role, class and data attribute given to it (alerts, the throttle notice)', () => {
    renderInShell(
      <>
        <Notice intent="error" layout="multiline" role="alert" className="mine">
          <NoticeBody>Det gik galt</NoticeBody>
        </Notice>
        <Notice intent="warning" role="status" data-mpk-throttle="view">
          <NoticeBody>Vent</NoticeBody>
        </Notice>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Det gik galt');
    expect(screen.getByRole('alert')).toHaveClass('mine');
    expect(screen.getByRole('status')).toHaveAttribute('data-mpk-throttle', 'view');
  });
});
