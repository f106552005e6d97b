import { makeStyles, tokens } from '@fluentui/react-components';
import { plainList, visuallyHidden } from '../shell/sharedStyles';

/** The import wizard's look: tokens only, so dark and high-contrast themes follow. */
export const useImportWizardStyles = makeStyles({
  surface: { maxWidth: 'min(960px, 96vw)', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  stepOf: { color: tokens.colorNeutralForeground2, margin: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
  },
  /** The native file input in the theme's text colour (its button is the browser's). */
  fileInput: { color: tokens.colorNeutralForeground1, maxWidth: '100%', fontFamily: tokens.fontFamilyBase },
  /** A grid cell's field and select shrink to the cell (Fluent's select has a wider minimum). */
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
    maxWidth: '16em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  mapped: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderLeftColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
  },
  mark: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorBrandForeground2 },
  problems: { ...plainList(tokens.spacingVerticalXS), maxHeight: '40vh', overflowY: 'auto' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: visuallyHidden,
});
