import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { STORY_KINDS, type StoryKind } from '../../domain/model';
import type { IAmbition, IStoryFilters } from '../../data/repositories/types';
import { SelectField } from '../shell/SelectField';
import { useStrings } from '../shell/strings';
import type { IUnitOption } from './storyModel';
import { labelOf } from '../shell/texts';
import { SelectOptions } from '../shell/SelectOptions';

/** Props of {@link StoryFilters}. */
export interface IStoryFiltersProps {
  filters: IStoryFilters;
  /** The ambitions the web part shows (a filter with one choice is left out). */
  ambitions: readonly IAmbition[];
  units: readonly IUnitOption[];
  onChange(filters: IStoryFilters): void;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
});

/** Filter the feed by ambition, unit and kind; each change reads the feed again. */
export function StoryFilters(props: IStoryFiltersProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().stories;
  const styles = useStyles();
  const { filters } = props;
  const indent = (depth: number): string => '\u00A0\u00A0'.repeat(depth);

  return (
    <div role="group" aria-label={strings.filtersLabel} className={styles.root}>
      {props.ambitions.length > 1 && (
        <SelectField
          label={strings.filterAmbition}
          value={filters.ambitionKey ?? ''}
          onChange={(value) => props.onChange({ ...filters, ambitionKey: value || undefined })}
        >
          <SelectOptions
            empty={strings.allAmbitions}
            items={props.ambitions}
            value={(a) => a.key}
            label={(a) => a.title}
          />
        </SelectField>
      )}
      {props.units.length > 1 && (
        <SelectField
          label={strings.filterUnit}
          value={filters.unitId === undefined ? '' : String(filters.unitId)}
          onChange={(value) => props.onChange({ ...filters, unitId: value === '' ? undefined : Number(value) })}
        >
          <SelectOptions
            empty={strings.allUnits}
            items={props.units}
            value={(u) => String(u.id)}
            label={(u) => indent(u.depth) + u.label}
          />
        </SelectField>
      )}
      <SelectField
        label={strings.filterKind}
        value={filters.kind ?? ''}
        onChange={(value) => props.onChange({ ...filters, kind: (value || undefined) as StoryKind | undefined })}
      >
        <SelectOptions
          empty={strings.allKinds}
          items={STORY_KINDS}
          value={(kind) => kind}
          label={(kind) => labelOf(mpkStrings, 'storyKind', kind)}
        />
      </SelectField>
    </div>
  );
}
