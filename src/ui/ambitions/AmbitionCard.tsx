import * as React from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Subtitle1, Text, tokens, useId } from '@fluentui/react-components';
import type { IAmbitionSeed } from '../../domain/ambitions';
import { fill, useStrings } from '../shell/strings';

/** Props of {@link AmbitionCard}. */
export interface IAmbitionCardProps {
  ambition: IAmbitionSeed;
  /** Start with the commitments shown. @default false */
  defaultExpanded?: boolean;
  className?: string;
}

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    fontStyle: 'italic',
    color: tokens.colorNeutralForeground2,
  },
  paragraph: { margin: 0 },
  commitments: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  toggle: { alignSelf: 'flex-start' },
});

/** One ambition: title, quote and first paragraph at a glance; the rest and its "Vi vil" on request. */
export function AmbitionCard(props: IAmbitionCardProps): JSX.Element {
  const { ambition } = props;
  const strings = useStrings();
  const styles = useStyles();
  const [expanded, setExpanded] = React.useState(props.defaultExpanded ?? false);
  const headingId = useId('mpk-ambition');
  const panelId = useId('mpk-ambition-panel');
  const [firstParagraph, ...moreParagraphs] = ambition.introduction;

  return (
    <article className={mergeClasses(styles.card, props.className)} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {ambition.title}
      </Subtitle1>
      <blockquote className={styles.quote}>
        <Text>{ambition.quote}</Text>
      </blockquote>
      <Text as="p" className={styles.paragraph}>
        {firstParagraph}
      </Text>
      <Caption1>{fill(strings.ambitions.commitmentCount, { count: ambition.commitments.length })}</Caption1>
      <Button
        className={styles.toggle}
        appearance="secondary"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((value) => !value)}
      >
        {expanded ? strings.ambitions.hideCommitments : strings.ambitions.showCommitments}
      </Button>
      <div id={panelId} hidden={!expanded}>
        {moreParagraphs.map((paragraph) => (
          <Text as="p" block key={paragraph.slice(0, 40)} className={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
        <Text as="p" weight="semibold">
          {strings.ambitions.commitmentsHeading}
        </Text>
        <ul className={styles.commitments}>
          {ambition.commitments.map((commitment) => (
            <li key={commitment.key}>
              <Text>{commitment.text}</Text>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
