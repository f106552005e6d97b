/**
 * Who is who in "Opfølgning": the units' leaders (`IUnitItem.leaderIds`) and the signed-in user, named
 * by the view's `people` where it has them, and by role ("Leder · Læring og Trivsel"). The task form's
 * `PeoplePicker` suggests these before anything is typed and searches the site's users for anyone else.
 */
import type { ICurrentUser, IPeople, IUnitItem } from '../../data/repositories/types';

/** One person to choose. */
export interface IPersonOption {
  id: number;
  label: string;
  /** The units this person leads. */
  leads: number[];
}

/** Texts for naming people without a directory. */
export interface IPeopleTexts {
  /** "Leder · {units}" */
  leaderOf: string;
  /** "{name} (dig)" */
  me: string;
  /** "Bruger nr. {id}" */
  unknown: string;
}

/** Who is who, as far as the view tells. */
export interface IPeopleDirectory {
  options: IPersonOption[];
  /** The label of a person id, or "" for none; the signed-in user's says so ("… (dig)"). */
  labelOf(id: number | undefined): string;
  /** The label for a reader who is not the signed-in user (a printed or exported report): no "(dig)". */
  plainLabelOf(id: number | undefined): string;
  /** Leaders of the unit first, then everybody else. */
  optionsFor(unitId: number | undefined): IPersonOption[];
}

function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/**
 * Builds the directory from the units' leaders and the current user. With the view's `people`, a
 * leader is named as well ("Lene Madsen · Leder · Læring og Trivsel"), and other assignees by name.
 */
export function buildPeople(
  units: readonly IUnitItem[],
  user: ICurrentUser,
  texts: IPeopleTexts,
  people: IPeople = {},
): IPeopleDirectory {
  const nameOf = (id: number): string | undefined => people[id]?.displayName || undefined;
  const leads = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.id === undefined) continue;
    for (const leaderId of unit.leaderIds || []) {
      const list = leads.get(leaderId) || [];
      if (list.indexOf(unit.id) < 0) list.push(unit.id);
      leads.set(leaderId, list);
    }
  }
  const nameOfUnit = new Map<number, string>();
  for (const unit of units) if (unit.id !== undefined) nameOfUnit.set(unit.id, unit.name);

  const leaderLabel = (id: number): string | undefined => {
    const unitIds = leads.get(id);
    if (!unitIds || unitIds.length === 0) return undefined;
    return fillText(texts.leaderOf, {
      units: unitIds
        .map((u) => nameOfUnit.get(u) || '')
        .filter(Boolean)
        .join(', '),
    });
  };
  const myName = user.displayName || user.email || '';

  const options: IPersonOption[] = [];
  leads.forEach((unitIds, id) => {
    if (id === user.id) return;
    const name = nameOf(id);
    const role = leaderLabel(id) as string;
    options.push({ id, label: name ? `${name} · ${role}` : role, leads: unitIds });
  });
  const myLeader = leaderLabel(user.id);
  options.push({
    id: user.id,
    label: fillText(texts.me, { name: myLeader ? `${myName}, ${myLeader}` : myName }).trim(),
    leads: leads.get(user.id) || [],
  });
  options.sort((a, b) => a.label.localeCompare(b.label, 'da'));
  const byId = new Map(options.map((o) => [o.id, o]));
  const labelOf = (id: number | undefined): string => {
    if (id === undefined) return '';
    const option = byId.get(id);
    return option ? option.label : nameOf(id) || fillText(texts.unknown, { id: String(id) });
  };

  return {
    options,
    labelOf,
    plainLabelOf: (id) => (id === user.id ? (myLeader ? `${myName} · ${myLeader}` : myName) : labelOf(id)),
    optionsFor: (unitId) => {
      if (unitId === undefined) return options;
      const first = options.filter((o) => o.leads.indexOf(unitId) >= 0);
      return first.concat(options.filter((o) => o.leads.indexOf(unitId) < 0));
    },
  };
}
