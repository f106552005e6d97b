import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { nativeFieldStyles } from '../shell/nativeFieldStyles';
import { plainList, savedFocus, visuallyHidden } from '../shell/sharedStyles';

/** The surface's frame: title, tabs and panels. */
export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  heading: { margin: 0 },
  tabs: { flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHeading: { margin: 0 },
  // The closed tasks' disclosure button reads as the heading it sits in.
  disclosure: {
    fontSize: 'inherit',
    fontWeight: 'inherit',
    lineHeight: 'inherit',
    paddingLeft: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
  },
  visuallyHidden,
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  narrowField: { maxWidth: '360px', width: '100%' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalS),
});

/** The overview's date field (a native date input in Fluent's look). */
export const useDateFieldStyles = makeStyles({
  field: nativeFieldStyles.field,
  label: nativeFieldStyles.label,
  control: { display: 'flex', alignItems: 'stretch', columnGap: tokens.spacingHorizontalXS },
  input: { ...nativeFieldStyles.control, flexGrow: 1, minWidth: 0, padding: `0 ${tokens.spacingHorizontalMNudge}` },
  invalid: nativeFieldStyles.invalid,
  hint: nativeFieldStyles.hint,
  error: nativeFieldStyles.error,
});

/** Health and trend marks: a shape and a word, the colour only as a third cue. */
export const useMarkStyles = makeStyles({
  mark: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  // A thin outline keeps the light shapes (yellow) visible on any background; the word carries the meaning.
  shape: {
    flexShrink: 0,
    width: '12px',
    height: '12px',
    stroke: tokens.colorNeutralStrokeAccessible,
    strokeWidth: '1px',
    overflow: 'visible',
  },
  green: { fill: tokens.colorPaletteGreenForeground1, color: tokens.colorPaletteGreenForeground1 },
  yellow: { fill: tokens.colorPaletteMarigoldForeground1, color: tokens.colorPaletteMarigoldForeground1 },
  red: { fill: tokens.colorPaletteRedForeground1, color: tokens.colorPaletteRedForeground1 },
  none: { fill: 'none' },
  arrow: { fontWeight: tokens.fontWeightBold },
});

/** The matrix of units × ambitions. */
export const useMatrixStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    '@media print': { overflowX: 'visible', border: 'none' },
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    minWidth: '720px',
    fontSize: tokens.fontSizeBase200,
    '@media print': { minWidth: 0 },
  },
  caption: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    captionSide: 'top',
  },
  colHeader: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHeader: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: '140px',
    position: 'sticky',
    left: 0,
    zIndex: 1,
  },
  cell: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // A kerneområde's own row opens its group; the units under it are indented by level.
  groupHead: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  depth1: { paddingLeft: tokens.spacingHorizontalXXL, fontWeight: tokens.fontWeightRegular },
  depth2: { paddingLeft: tokens.spacingHorizontalXXXL, fontWeight: tokens.fontWeightRegular },
  notRelevant: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  // Nothing decided and nothing running: readable, but quieter than the cells to look at.
  quiet: { color: tokens.colorNeutralForeground3 },
  cellLines: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
});

/** Key figures. */
export const useCounterStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  alert: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  label: { margin: 0, color: tokens.colorNeutralForeground2 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  // A figure that filters: the whole tile takes the click (the button's ::after covers it).
  action: { position: 'relative', ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover } },
  pressed: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  button: {
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    textAlign: 'left',
    '::after': { content: '""', position: 'absolute', inset: 0 },
    ':focus-visible': { outline: 'none' },
    ':focus-visible::after': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
});

/** Task cards, lists and the board. */
export const useTaskStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    overflowWrap: 'anywhere',
    ...savedFocus,
  },
  overdueCard: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  due: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  overdue: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  board: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: '120px',
  },
  dropTarget: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  columnHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  cardList: plainList(tokens.spacingVerticalS),
  caption: { textAlign: 'left', padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  rowHeader: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  tableScroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '760px', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  td: {
    padding: tokens.spacingHorizontalS,
    verticalAlign: 'top',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: savedFocus,
  overdueRow: { boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorPaletteRedBorder2}` },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    border: 0,
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  filterField: { minWidth: '150px', maxWidth: '100%' },
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  description: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** The task form. */
export const useFormStyles = makeStyles({
  surface: { maxWidth: '640px', width: '100%' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  twoColumns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { flexWrap: 'wrap' },
});

/** The printable status report. */
export const useReportStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  report: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media print': { border: 'none', padding: 0 },
  },
  title: { margin: 0 },
});

/**
 * The print stylesheet: when the status report is on the page, only the report is printed — every
 * element that neither holds the report nor is inside it is left out (the SharePoint page around it,
 * the tabs, every button), the report's ancestors stop clipping and scrolling, tables are not cut
 * mid-row and the health colours are kept.
 */
export const usePrintStyles = makeStaticStyles(`
@media print {
  body:has([data-mpk-print-report]) *:not(:has([data-mpk-print-report])):not([data-mpk-print-report]):not([data-mpk-print-report] *) { display: none !important; }
  body:has([data-mpk-print-report]) *:has([data-mpk-print-report]) {
    overflow: visible !important; height: auto !important; max-height: none !important; min-height: 0 !important;
    position: static !important; margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important;
  }
  [data-mpk-no-print] { display: none !important; }
  [data-mpk-print-report] tr, [data-mpk-print-report] li { break-inside: avoid; }
  [data-mpk-print-report] * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`);
