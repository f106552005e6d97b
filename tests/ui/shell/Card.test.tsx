import * as React from 'react';
import { screen } from '@testing-library/react';
import { Card, CardList } from '../../../src/ui/shell/Card';
import { renderInShell } from '../../support/render';

describe('Card and CardList', () => {
  it('renders an article by default, labelled as the caller says, with its ref and attributes', () => {
    const ref = React.createRef<HTMLElement>();
    renderInShell(
      <Card ref={ref} tabIndex={-1} aria-labelledby="t" className="extra">
        <h3 id="t">Historien</h3>
      </Card>,
    );
    const card = screen.getByRole('article', { name: 'Historien' });
    expect(ref.current).toBe(card);
    expect(card).toHaveAttribute('tabindex', '-1');
    expect(card).toHaveClass('extra');
  });

  it('renders another element when asked, and the alternative tone as another class', () => {
    renderInShell(
      <>
        <Card as="section" aria-label="Plain">
          a
        </Card>
        <Card as="section" tone="alternative" aria-label="Alternative">
          b
        </Card>
      </>,
    );
    const plain = screen.getByRole('region', { name: 'Plain' });
    const alternative = screen.getByRole('region', { name: 'Alternative' });
    expect(plain.tagName).toBe('SECTION');
    expect(alternative.className).not.toBe(plain.className);
  });

  it('lists cards in a ul that passes its ref and aria attributes on; the small gap is another class', () => {
    const ref = React.createRef<HTMLUListElement>();
    renderInShell(
      <>
        <CardList ref={ref} aria-label="Historier" aria-busy>
          <li>en</li>
          <li>to</li>
        </CardList>
        <CardList gap="small" aria-label="Egne">
          <li>tre</li>
        </CardList>
      </>,
    );
    const list = screen.getByRole('list', { name: 'Historier' });
    expect(ref.current).toBe(list);
    expect(list).toHaveAttribute('aria-busy', 'true');
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Egne' }).className).not.toBe(list.className);
  });
});
