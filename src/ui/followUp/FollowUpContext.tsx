import * as React from 'react';
import type { Host } from '../../domain/host';
import type { Locale } from '../../domain/locale';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import type { IFollowUpView, IPersonValue } from '../../data/repositories/types';
import { fill } from '../shell/strings';
import { ambitionTitle, unitName } from './followUpModel';
import type { IPeopleDirectory } from './people';

/** What every part of "Opfølgning" reads: the view, the clock, the locale and how to name things. */
export interface IFollowUpContext {
  view: IFollowUpView;
  /** The instant "today" and "overdue" are computed from. */
  now: Date;
  locale: Locale;
  strings: IMpkFollowUpStrings;
  people: IPeopleDirectory;
  /** Where the surface runs. */
  host: Host;
  /** Link to a unit's plan, when the host knows where plans live. */
  planUrl?(unitId: number): string;
  /** Initiative titles known so far (those the tasks are about and stopped ones from the view; more when read). */
  initiativeTitles: Record<number, string>;
  /** Remembers initiatives read for a form or the report, so tasks about them show their title. */
  rememberInitiatives(initiatives: readonly IInitiative[]): void;
  /** Remembers people chosen in a picker, so tasks assigned to them show their names. */
  rememberPeople(people: readonly IPersonValue[]): void;
  /** Records a task just saved (folded into every list). */
  saved(previous: IFollowUpTask | undefined, task: IFollowUpTask): void;
  /** Says something to screen readers (a polite live region). */
  announce(message: string): void;
}

export const FollowUpContext = React.createContext<IFollowUpContext | undefined>(undefined);

/** The surface's shared state; only inside `FollowUpApp`. */
export function useFollowUp(): IFollowUpContext {
  const context = React.useContext(FollowUpContext);
  if (!context) throw new Error('useFollowUp() is used inside <FollowUpApp> only.');
  return context;
}

/** Names of what a task refers to, in the current locale. */
export interface ITaskNaming {
  unit(task: IFollowUpTask): string;
  about(task: IFollowUpTask): string;
  assignee(task: IFollowUpTask): string;
}

/** How tasks are named in lists, cards and the workbook. */
export function taskNaming(
  context: Pick<IFollowUpContext, 'view' | 'strings' | 'people' | 'initiativeTitles'>,
): ITaskNaming {
  const s = context.strings.task;
  return {
    unit: (task) => unitName(context.view.units, task.unitId, s.unknownUnit),
    about: (task) => {
      if (task.initiativeId !== undefined) {
        const title = context.initiativeTitles[task.initiativeId];
        // The view names the initiatives the tasks are about (the units' summaries); a summary kept
        // before it did has none, and the number is shown until the unit's next write.
        return title ? fill(s.aboutInitiative, { title }) : fill(s.initiativeNumber, { id: task.initiativeId });
      }
      if (task.ambitionKey)
        return fill(s.aboutAmbition, { title: ambitionTitle(context.view.ambitions, task.ambitionKey) });
      return '';
    },
    assignee: (task) => (task.assigneeId === undefined ? s.noAssignee : context.people.labelOf(task.assigneeId)),
  };
}

/** {@link taskNaming} for the current context, memoised. */
export function useTaskNaming(): ITaskNaming {
  const context = useFollowUp();
  const { view, strings, people, initiativeTitles } = context;
  return React.useMemo(
    () => taskNaming({ view, strings, people, initiativeTitles }),
    [view, strings, people, initiativeTitles],
  );
}
