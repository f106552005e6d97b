import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { plainList } from '../shell/sharedStyles';
import { Spinner } from '../shell/Spinner';
import { Badge, type BadgeColor } from '../shell/Badge';
import { isRelevance, type IInitiative, type IPlanFocus } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';
import { hasDraft, useDraftOwner } from '../shell/drafts';
import { fill, useStrings } from '../shell/strings';
import { AmbitionIndicators } from './AmbitionIndicators';
import { InitiativeCard } from './InitiativeCard';
import { usePlan } from './PlanContext';
import { own } from '../../domain/dict';
import { labelOf } from '../shell/texts';
import { SavedNotice } from '../shell/SavedNotice';
import { useSavedConfirmation } from '../shell/useSavedConfirmation';

// The forms load on first use (the same chunk as the initiative card's forms).
const FocusForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './FocusForm').then((m) => ({ default: m.FocusForm })),
);
const InitiativeForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './InitiativeForm').then((m) => ({ default: m.InitiativeForm })),
);

/** Props of {@link AmbitionSection}. */
export interface IAmbitionSectionProps {
  ambition: IAmbition;
  focus?: IPlanFocus;
  initiatives: readonly IInitiative[];
}

/** The tint of each relevance (the word carries the meaning). */
export const RELEVANCE_COLOURS: Record<string, BadgeColor> = {
  high: 'brand',
  medium: 'informative',
  low: 'subtle',
  notRelevant: 'subtle',
};

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    scrollMarginTop: tokens.spacingVerticalL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  relevance: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  meaning: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalM),
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The id of an ambition's heading (the overview's rows jump to it). */
export function ambitionHeadingId(ambitionKey: string): string {
  return `ambition-${ambitionKey}`;
}

/** One of the five ambitions in the plan: its relevance here, what it means locally, and its initiatives. */
export function AmbitionSection(props: IAmbitionSectionProps): JSX.Element {
  const plan = usePlan();
  const allStrings = useStrings();
  const strings = allStrings.plan;
  const styles = useStyles();
  const loading = <Spinner size="tiny" label={allStrings.common.loading} />;
  const { ambition, focus } = props;
  const planId = plan.view.plan?.id;
  const owner = useDraftOwner();
  const [editingFocus, setEditingFocus] = React.useState(
    () => plan.can.editFocus && hasDraft(owner, `plan:focus:${planId}:${ambition.key}`),
  );
  const [adding, setAdding] = React.useState(
    () => plan.can.editInitiatives && hasDraft(owner, `plan:initiative:new:${planId}:${ambition.key}`),
  );
  const focusButton = React.useRef<HTMLButtonElement>(null);
  const addButton = React.useRef<HTMLButtonElement>(null);
  const sectionRef = React.useRef<HTMLElement>(null);
  const focusSaved = useSavedConfirmation(plan.announce);
  const created = useSavedConfirmation(plan.announce);
  const headingId = ambitionHeadingId(ambition.key);
  const relevance = focus?.relevance;

  return (
    <section ref={sectionRef} className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className={styles.heading}>
        {ambition.title}
      </h3>
      <div className={styles.relevance}>
        <Text weight="semibold">{strings.focus.relevance}:</Text>
        {relevance ? (
          <Badge appearance="tint" shape="rounded" color={own(RELEVANCE_COLOURS, relevance) ?? 'subtle'}>
            {labelOf(allStrings, 'relevance', relevance)}
          </Badge>
        ) : (
          <Text className={styles.muted}>{strings.focus.relevanceNotSet}</Text>
        )}
        {relevance && !isRelevance(relevance) && (
          <Text size={200}>{fill(strings.initiative.unknownValue, { value: relevance })}</Text>
        )}
        {plan.can.editFocus && !editingFocus && (
          <Button
            ref={focusButton}
            appearance="subtle"
            size="small"
            aria-label={fill(strings.focus.editFor, { ambition: ambition.title })}
            onClick={() => setEditingFocus(true)}
          >
            {strings.focus.edit}
          </Button>
        )}
      </div>
      {focus?.localMeaning ? (
        <p className={styles.meaning}>{focus.localMeaning}</p>
      ) : (
        <Text className={styles.muted}>{strings.focus.localMeaningEmpty}</Text>
      )}
      <SavedNotice text={focusSaved.text} />
      {plan.can.editFocus && editingFocus && (
        <React.Suspense fallback={loading}>
          <FocusForm
            ambitionKey={ambition.key}
            ambitionTitle={ambition.title}
            focus={focus}
            onDone={(saved, confirmation) => {
              setEditingFocus(false);
              if (saved && confirmation) focusSaved.confirm(confirmation, () => focusButton.current);
              else window.setTimeout(() => focusButton.current?.focus(), 0);
            }}
          />
        </React.Suspense>
      )}
      {plan.view.unit?.id !== undefined && (
        <AmbitionIndicators ambitionKey={ambition.key} ambitionTitle={ambition.title} unitId={plan.view.unit.id} />
      )}

      <Text weight="semibold">{fill(strings.ambition.initiativesHeading, { count: props.initiatives.length })}</Text>
      {props.initiatives.length === 0 ? (
        <Text className={styles.muted}>{strings.ambition.noInitiatives}</Text>
      ) : (
        <ul className={styles.list} aria-label={fill(strings.ambition.listLabel, { ambition: ambition.title })}>
          {props.initiatives.map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard initiative={initiative} />
            </li>
          ))}
        </ul>
      )}
      <SavedNotice text={created.text} />
      {plan.can.editInitiatives &&
        (adding ? (
          <React.Suspense fallback={loading}>
            <InitiativeForm
              ambitionKey={ambition.key}
              onDone={(saved, confirmation) => {
                setAdding(false);
                if (!saved || !confirmation) return void window.setTimeout(() => addButton.current?.focus(), 0);
                // The new card's heading: focused, in view, with the confirmation by the list's end.
                created.confirm(confirmation, () =>
                  sectionRef.current?.querySelector<HTMLElement>(`[data-initiative="${saved.id}"] h4`),
                );
              }}
            />
          </React.Suspense>
        ) : (
          <div className={styles.actions}>
            <Button
              ref={addButton}
              aria-label={fill(strings.ambition.addInitiativeFor, { ambition: ambition.title })}
              onClick={() => setAdding(true)}
            >
              {strings.ambition.addInitiative}
            </Button>
          </div>
        ))}
    </section>
  );
}
