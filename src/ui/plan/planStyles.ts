import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** A list without bullets, its items stacked with `rowGap` between them. */
export function plainList(rowGap: string): GriffelStyle {
  return { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap };
}

/** A framed column (the plan's forms and cards): padding inside a thin rounded border. */
export function framedColumn(rowGap: string, stroke: string = tokens.colorNeutralStroke1): GriffelStyle {
  return {
    display: 'flex',
    flexDirection: 'column',
    rowGap,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${stroke}`,
    borderRadius: tokens.borderRadiusMedium,
  };
}
