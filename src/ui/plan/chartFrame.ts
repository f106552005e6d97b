/**
 * What the plan's two charts share (the check-in chart and the measure chart, both in chunk `mpk-chart`): the SVG's
 * size and margins, and the styles of the figure, axes, labels, the line and the legend.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

/** The SVG's viewBox and the plot's margins (the left margin holds the y labels: each chart sets its own). */
export const CHART_FRAME = { width: 320, height: 150, right: 14, top: 12, bottom: 28 } as const;

export const useChartFrameStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, maxWidth: '520px' },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '2px' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});
