import * as React from 'react';
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { type Locale } from '../../domain/locale';
import { isHealth, type Health } from '../../domain/model';
import { labelOf } from '../shell/texts';
import { useStrings } from '../shell/strings';

/** Props of {@link HealthShape}. */
export interface IHealthShapeProps {
  health: string;
  /** Centre of the shape in the parent SVG's units. */
  cx: number;
  cy: number;
  /** Half the shape's width. @default 6 */
  r?: number;
  className?: string;
}

/** Fill colours per health; the shape and the text carry the meaning, the colour only repeats it. */
export const useHealthStyles = makeStyles({
  shape: { stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px' },
  green: { fill: tokens.colorPaletteGreenBackground3 },
  yellow: { fill: tokens.colorPaletteYellowBackground3 },
  red: { fill: tokens.colorPaletteRedBackground3 },
  unknown: { fill: tokens.colorNeutralBackground1 },
});

/**
 * The shape of a health inside an SVG: grøn is a circle, gul a triangle, rød a square — so health
 * reads without colour (and in high contrast, where all three may share one colour).
 */
export function HealthShape(props: IHealthShapeProps): JSX.Element {
  const styles = useHealthStyles();
  const r = props.r ?? 6;
  const health: Health | 'unknown' = isHealth(props.health) ? props.health : 'unknown';
  const className = mergeClasses(styles.shape, styles[health], props.className);
  switch (health) {
    case 'green':
      return <circle cx={props.cx} cy={props.cy} r={r} className={className} />;
    case 'yellow':
      return (
        <polygon
          points={`${props.cx},${props.cy - r * 1.15} ${props.cx + r * 1.15},${props.cy + r * 0.85} ${props.cx - r * 1.15},${props.cy + r * 0.85}`}
          className={className}
        />
      );
    case 'red':
      return (
        <rect x={props.cx - r * 0.9} y={props.cy - r * 0.9} width={r * 1.8} height={r * 1.8} className={className} />
      );
    default:
      // An unknown value (added in SharePoint): a hollow diamond, and the stored text beside it.
      return (
        <polygon
          points={`${props.cx},${props.cy - r} ${props.cx + r},${props.cy} ${props.cx},${props.cy + r} ${props.cx - r},${props.cy}`}
          className={className}
        />
      );
  }
}

/** Props of {@link HealthBadge}. */
export interface IHealthBadgeProps {
  health: string;
  locale: Locale;
  className?: string;
}

const useBadgeStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    verticalAlign: 'middle',
    columnGap: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  svg: { flexShrink: 0 },
});

/** Health as shape + word ("● Grøn", "▲ Gul", "■ Rød"). */
export function HealthBadge(props: IHealthBadgeProps): JSX.Element {
  const mpkStrings = useStrings();
  const styles = useBadgeStyles();
  return (
    <span className={mergeClasses(styles.root, props.className)}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={styles.svg}>
        <HealthShape health={props.health} cx={8} cy={8} r={6} />
      </svg>
      <Text weight="semibold">{labelOf(mpkStrings, 'health', props.health)}</Text>
    </span>
  );
}
