import * as React from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { IndicatorSummary } from '../../../src/ui/measurements/IndicatorSummary';
import type { IIndicator, IIndicatorValue } from '../../../src/domain/measurements';
import { renderInShell } from '../../support/render';

const INDICATORS: IIndicator[] = [
  { key: 'trivsel', title: 'Trivselsmåling', unit: 'point', direction: 'higher', ambitionKey: 'a1' },
  { key: 'apv', title: 'APV', unit: 'procent', direction: 'higher', ambitionKey: 'a1' },
  { key: 'sygefravaer', title: 'Sygefravær', unit: 'dage', direction: 'lower', ambitionKey: 'a1' },
  { key: 'ledelse', title: 'Lederevaluering', unit: 'point', direction: 'higher', ambitionKey: 'a1' },
];
const VALUES: IIndicatorValue[] = [
  { indicatorKey: 'trivsel', unitId: 1, period: '2025', value: 3.9, respondents: 20 },
  { indicatorKey: 'trivsel', unitId: 1, period: '2026', value: 4.2, respondents: 18 },
  { indicatorKey: 'apv', unitId: 1, period: '2026', value: 70, respondents: 4 },
  { indicatorKey: 'sygefravaer', unitId: 1, period: '2026-Q1', value: 5.1 },
  { indicatorKey: 'sygefravaer', unitId: 1, period: '2026-Q2', value: 5.6 },
  // Unit 2: the earlier result had too few answers, so no change is told (it would give its value away).
  { indicatorKey: 'trivsel', unitId: 2, period: '2025', value: 2.1, respondents: 3 },
  { indicatorKey: 'trivsel', unitId: 2, period: '2026', value: 4.0, respondents: 10 },
];

/** The definition list's group for an indicator (its title and what is said about it). */
function groupOf(title: string): HTMLElement {
  const term = screen.getByText(title, { selector: 'dt' });
  return term.parentElement as HTMLElement;
}

describe('IndicatorSummary', () => {
  it('gives each indicator its latest result, the trend in words and the respondents', () => {
    renderInShell(<IndicatorSummary indicators={INDICATORS} values={VALUES} unitId={1} locale="da-DK" />);
    const trivsel = groupOf('Trivselsmåling');
    expect(trivsel).toHaveTextContent('4,2 point · 2026');
    expect(trivsel).toHaveTextContent('Bedre end forrige periode: +0,3 siden 2025');
    expect(trivsel).toHaveTextContent('18 besvarelser');
    // The arrow is text, hidden from screen readers (they hear the words).
    expect(trivsel.querySelector('[aria-hidden="true"]')).toHaveTextContent('▲');

    const sick = groupOf('Sygefravær');
    expect(sick).toHaveTextContent('5,6 dage · 2. kvartal 2026');
    expect(sick).toHaveTextContent('Dårligere end forrige periode: +0,5 siden 1. kvartal 2026');
    expect(sick).not.toHaveTextContent('besvarelse');

    expect(groupOf('Lederevaluering')).toHaveTextContent('Ingen måling endnu');
  });

  it('is a definition list axe finds nothing wrong with', async () => {
    const { container } = renderInShell(
      <IndicatorSummary indicators={INDICATORS} values={VALUES} unitId={1} locale="da-DK" />,
    );
    expect(container.querySelectorAll('dl > div > dt')).toHaveLength(INDICATORS.length);
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('does not show a result with fewer than 5 respondents', () => {
    renderInShell(<IndicatorSummary indicators={INDICATORS} values={VALUES} unitId={1} locale="da-DK" />);
    const apv = groupOf('APV');
    expect(apv).toHaveTextContent('Vises ikke: færre end 5 har svaret');
    expect(apv).not.toHaveTextContent('70');
    expect(apv).not.toHaveTextContent('4 besvarelser');
  });

  it('tells no change from a result that is not shown', () => {
    renderInShell(
      <IndicatorSummary indicators={INDICATORS.slice(0, 1)} values={VALUES} unitId={2} locale="da-DK" compact />,
    );
    const trivsel = groupOf('Trivselsmåling');
    expect(trivsel).toHaveTextContent('4 point · 2026');
    expect(trivsel).toHaveTextContent('10 besvarelser');
    expect(trivsel).not.toHaveTextContent('siden');
    expect(trivsel).not.toHaveTextContent('2,1');
  });

  it('words the trend in English', () => {
    renderInShell(
      <IndicatorSummary indicators={INDICATORS.slice(0, 1)} values={VALUES.slice(0, 2)} locale="en-US" compact />,
    );
    // The strings are the Danish ones in this shell; the numbers and periods follow the locale.
    expect(groupOf('Trivselsmåling')).toHaveTextContent('4.2 point · 2026');
    expect(groupOf('Trivselsmåling')).toHaveTextContent('+0.3 siden 2025');
  });
});
