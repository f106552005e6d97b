import * as React from 'react';
import { makeStyles, Text, tokens, Title2, useId } from '@fluentui/react-components';

/** Props of {@link SurfaceIntro}. */
export interface ISurfaceIntroProps {
  title: string;
  explanation: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
});

/** A web part's title and what it holds; shown before its lists exist. */
export function SurfaceIntro(props: ISurfaceIntroProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId('mpk-surface-title');
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title2 as="h2" id={titleId}>
        {props.title}
      </Title2>
      <Text as="p">{props.explanation}</Text>
    </section>
  );
}
