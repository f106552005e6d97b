import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/** One tab of a {@link TabStrip}. */
export interface ITabStripItem<T extends string> {
  value: T;
  label: React.ReactNode;
  /** The tab's element id (its panel is labelled by it). */
  id: string;
  /** The id of the panel the tab shows. */
  controls: string;
}

/** Props of {@link TabStrip}. */
export interface ITabStripProps<T extends string> {
  tabs: ReadonlyArray<ITabStripItem<T>>;
  selected: T;
  onSelect(value: T): void;
  /** The tab list's accessible name. */
  label: string;
  className?: string;
}

const useStyles = makeStyles({
  list: { display: 'flex', alignItems: 'stretch', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXS },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '44px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    cursor: 'pointer',
    // The bar under the tab: brand colour when selected, a neutral hint on hover.
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':hover': { color: tokens.colorNeutralForeground1Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `-${tokens.strokeWidthThick}`,
    },
    '@media (forced-colors: active)': { color: 'ButtonText', ':hover::after': { backgroundColor: 'Highlight' } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
});

/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home and End move between the tabs,
 * Enter, Space or a click chooses one. It stands in for Fluent's TabList on first views, whose focus
 * machinery (tabster) would be the largest package in the entry bundle.
 */
export function TabStrip<T extends string>(props: ITabStripProps<T>): JSX.Element {
  const styles = useStyles();
  const refs = React.useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const count = props.tabs.length;
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % count;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === undefined) return;
    event.preventDefault();
    refs.current.get(props.tabs[next].value)?.focus();
  };
  // One tab stop even when the chosen tab is not (or no longer) in the list.
  const anySelected = props.tabs.some((tab) => tab.value === props.selected);
  return (
    <div
      role="tablist"
      aria-label={props.label}
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, props.className)}
    >
      {props.tabs.map((tab, index) => {
        const selected = tab.value === props.selected;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              if (element) refs.current.set(tab.value, element);
              else refs.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            id={tab.id}
            aria-controls={tab.controls}
            aria-selected={selected}
            tabIndex={selected || (!anySelected && index === 0) ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => props.onSelect(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
