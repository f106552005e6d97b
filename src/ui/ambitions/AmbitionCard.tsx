import * as React from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Subtitle1, Text, tokens, useId } from '@fluentui/react-components';
import type { IAmbitionSeed } from '../../domain/ambitions';
import type { IAmbitionCounts } from '../../data/repositories/types';
import { useLocale } from '../shell/locale';
import { fill, useStrings } from '../shell/strings';
import { Card } from '../shell/Card';
import { countTexts } from './storyModel';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { Spinner } from '../shell/Spinner';
import type { IUnitAmbitionProps } from './UnitAmbition';

// "Hos <enhed>": read and shown when an ambition is opened, so neither its code nor its read is in the first view.
const UnitAmbition = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-unit-ambition' */ './UnitAmbition').then((m) => ({ default: m.UnitAmbition })),
);

/** The reader's unit for "Hos <enhed>" (all but the ambition's key). */
export type IOwnUnit = Omit<IUnitAmbitionProps, 'ambitionKey'>;

/** Props of {@link AmbitionCard}. */
export interface IAmbitionCardProps {
  ambition: IAmbitionSeed;
  /** Start with the commitments shown. @default false */
  defaultExpanded?: boolean;
  /** How many plans, initiatives and stories work on the ambition; left out before the lists exist. */
  counts?: IAmbitionCounts;
  /** False when the counts are a lower bound (a list had more rows than one read gives). @default true */
  countsComplete?: boolean;
  /** The reader's unit: an opened card says what it wrote about the ambition; left out before the lists exist. */
  ownUnit?: IOwnUnit;
  className?: string;
}

const useStyles = makeStyles({
  heading: { margin: 0 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    fontStyle: 'italic',
    color: tokens.colorNeutralForeground2,
  },
  paragraph: { margin: 0 },
  // At a glance: three lines of the introduction; on a phone none (five cards must not push the stories
  // and "Skriv en hverdagshistorie" screens down). Opened, the card shows "Vi vil" first, then all the text.
  clamped: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    '@media (max-width: 480px)': { display: 'none' },
  },
  quoteClamped: {
    '@media (max-width: 480px)': {
      display: '-webkit-box',
      WebkitLineClamp: 1,
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
    },
  },
  phoneHidden: { '@media (max-width: 480px)': { display: 'none' } },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  commitments: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  toggle: { alignSelf: 'flex-start' },
  counts: { color: tokens.colorNeutralForeground2 },
});

/** One ambition: title, quote and first paragraph at a glance (title and quote on a phone); opened, its "Vi vil" first, then the text. */
export function AmbitionCard(props: IAmbitionCardProps): JSX.Element {
  const { ambition } = props;
  const strings = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [expanded, setExpanded] = React.useState(props.defaultExpanded ?? false);
  const headingId = useId('mpk-ambition');
  const panelId = useId('mpk-ambition-panel');
  // Tolerate rows with fields missing: an ambition without text still shows its title.
  const [firstParagraph, ...moreParagraphs] = ambition.introduction || [];
  const commitments = ambition.commitments || [];

  return (
    <Card tone="alternative" className={props.className} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {ambition.title}
      </Subtitle1>
      <blockquote className={mergeClasses(styles.quote, !expanded && styles.quoteClamped)}>
        <Text>{ambition.quote}</Text>
      </blockquote>
      {!expanded && (
        <Text as="p" className={mergeClasses(styles.paragraph, styles.clamped)}>
          {firstParagraph}
        </Text>
      )}
      <Caption1 className={expanded ? undefined : styles.phoneHidden}>
        {fill(strings.ambitions.commitmentCount, { count: commitments.length })}
      </Caption1>
      {props.counts && (
        <Caption1 className={styles.counts}>
          {(props.countsComplete === false ? strings.ambitions.countsAtLeast : '') +
            countTexts(props.counts, locale, strings.ambitions).join(' · ')}
        </Caption1>
      )}
      <Button
        className={styles.toggle}
        appearance="secondary"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((value) => !value)}
      >
        {expanded ? strings.ambitions.hideCommitments : strings.ambitions.showCommitments}
      </Button>
      <div id={panelId} hidden={!expanded} className={expanded ? styles.panel : undefined}>
        <Text as="p" weight="semibold" className={styles.paragraph}>
          {strings.ambitions.commitmentsHeading}
        </Text>
        <ul className={styles.commitments}>
          {commitments.map((commitment) => (
            <li key={commitment.key}>
              <Text>{commitment.text}</Text>
            </li>
          ))}
        </ul>
        {expanded && props.ownUnit && (
          <ErrorBoundary>
            <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
              <UnitAmbition ambitionKey={ambition.key} {...props.ownUnit} />
            </React.Suspense>
          </ErrorBoundary>
        )}
        {expanded &&
          [firstParagraph, ...moreParagraphs].filter(Boolean).map((paragraph) => (
            <Text as="p" block key={paragraph.slice(0, 40)} className={styles.paragraph}>
              {paragraph}
            </Text>
          ))}
      </div>
    </Card>
  );
}
