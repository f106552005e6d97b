import { makeStyles, tokens } from '@fluentui/react-components';
import { surfaceRoot } from '../shell/sharedStyles';

/** The plan surface's frame: its root, title, and the panels that stand in for a plan. */
export const usePlanSurfaceStyles = makeStyles({
  root: surfaceRoot,
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  panelHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});
