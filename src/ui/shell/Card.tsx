import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/** Props of {@link Card}: any attribute of the element it renders. */
export interface ICardProps extends React.HTMLAttributes<HTMLElement> {
  /** The element: an item that stands alone (`article`) or a part of the page (`section`, `div`). @default 'article' */
  as?: 'article' | 'section' | 'div';
  /** 'alternative': the second neutral background (cards on the page itself, not in a list). @default 'default' */
  tone?: 'default' | 'alternative';
}

const useCardStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  alternative: { backgroundColor: tokens.colorNeutralBackground2 },
});

/**
 * The product's card: a bordered, rounded block whose parts stack with a small gap — an ambition, a
 * story, a plan item. What it holds and how it is labelled is the caller's.
 */
export const Card = React.forwardRef<HTMLElement, ICardProps>(function Card(props, ref) {
  const { as, tone, className, ...rest } = props;
  const styles = useCardStyles();
  const Element = (as || 'article') as 'article';
  return (
    <Element
      ref={ref}
      {...rest}
      className={mergeClasses(styles.card, tone === 'alternative' && styles.alternative, className)}
    />
  );
});

/** Props of {@link CardList}: any attribute of a `ul`. */
export interface ICardListProps extends React.HTMLAttributes<HTMLUListElement> {
  /** Room between the cards. @default 'medium' */
  gap?: 'small' | 'medium';
}

const useListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  small: { rowGap: tokens.spacingVerticalS },
});

/** A list of cards, one under the other (each child an `li`); no bullets, no indent. */
export const CardList = React.forwardRef<HTMLUListElement, ICardListProps>(function CardList(props, ref) {
  const { gap, className, ...rest } = props;
  const styles = useListStyles();
  return <ul ref={ref} {...rest} className={mergeClasses(styles.list, gap === 'small' && styles.small, className)} />;
});
