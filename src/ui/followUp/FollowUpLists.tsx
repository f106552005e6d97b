import * as React from 'react';
import { Button, mergeClasses, Text } from '@fluentui/react-components';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import { fill } from '../shell/strings';
import { ambitionTitle, unitName } from './followUpModel';
import { useFollowUp } from './FollowUpContext';
import { TaskDue, TaskFacts } from './TaskDetails';
import { useAppStyles, useTaskStyles } from './useFollowUpStyles.styles';
import { NudgeButton } from '../shell/inbox/NudgeButton';

/**
 * The items of the overview's two lists (chunk `mpk-overview-lists`): the first view shows their
 * counts and loads these when the lists are asked for (`ListSection` in `OverviewTab`).
 */

/** The first `limit` items of a long list, all of them on request (so thousands never render at once). */
function useLimited<T>(items: readonly T[], limit: number | undefined): { shown: readonly T[]; toggle?: JSX.Element } {
  const [all, setAll] = React.useState(false);
  const { strings } = useFollowUp();
  if (limit === undefined || items.length <= limit) return { shown: items };
  return {
    shown: all ? items : items.slice(0, limit),
    toggle: (
      <Button appearance="subtle" onClick={() => setAll(!all)} aria-expanded={all} data-mpk-no-print="">
        {all ? strings.overview.showFewer : fill(strings.overview.showAll, { count: items.length })}
      </Button>
    ),
  };
}

/** Props of the lists' items. */
export interface IListItemsProps<T> {
  items: readonly T[];
  /** Show this many until "Vis alle" (none: all, as in the printed report). */
  limit?: number;
  /** Offer "Send påmindelse" on each (the chefgruppe's overview; never in the printed report). */
  nudge?: boolean;
}

/** The overdue tasks, most overdue first. */
export function OverdueItems(props: IListItemsProps<IFollowUpTask>): JSX.Element {
  const app = useAppStyles();
  const styles = useTaskStyles();
  const { shown, toggle } = useLimited(props.items, props.limit);
  return (
    <>
      <ul className={app.list}>
        {shown.map((task) => (
          <li key={task.id ?? task.clientKey} className={mergeClasses(styles.card, styles.overdueCard)}>
            <Text weight="semibold">{task.title}</Text>
            <TaskDue task={task} />
            <TaskFacts task={task} />
            {props.nudge && task.id !== undefined && (
              <span className={styles.actions}>
                <NudgeButton target={{ type: 'task', id: task.id }} title={task.title} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {toggle}
    </>
  );
}

/** "Stoppede indsatser – og hvorfor": each with its unit, ambition and reason. */
export function StoppedItems(props: IListItemsProps<IInitiative>): JSX.Element {
  const app = useAppStyles();
  const tasks = useTaskStyles();
  const { view, strings } = useFollowUp();
  const s = strings.overview;
  const { shown, toggle } = useLimited(props.items, props.limit);
  return (
    <>
      <ul className={app.list}>
        {shown.map((initiative) => (
          <li key={initiative.id ?? initiative.clientKey} className={tasks.card}>
            <Text weight="semibold">{initiative.title}</Text>
            <span className={tasks.meta}>
              <span>{unitName(view.units, initiative.unitId, strings.task.unknownUnit)}</span>
              <span>{ambitionTitle(view.ambitions, initiative.ambitionKey)}</span>
            </span>
            <p className={tasks.description}>
              <Text weight="semibold">{s.stopReason} </Text>
              {initiative.stopReason && initiative.stopReason.trim() ? initiative.stopReason : s.noReason}
            </p>
          </li>
        ))}
      </ul>
      {toggle}
    </>
  );
}
