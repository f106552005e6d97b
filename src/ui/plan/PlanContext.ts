import * as React from 'react';
import type { Locale } from '../../domain/locale';
import type { IPlanView } from '../../data/repositories/types';
import type { Host } from '../../domain/host';

/** What the parts of an open plan share, provided once by the plan view. */
export interface IPlanContext {
  view: IPlanView;
  /** Applies a saved change to the view (see `withInitiative` and friends). */
  patch(change: (view: IPlanView) => IPlanView): void;
  host: Host;
  locale: Locale;
  now(): Date;
  /** Says something to screen readers (and shows it in the status line). */
  announce(message: string): void;
  /** The deep link to an initiative ("Del i kanal"). */
  linkFor(initiativeId: number): string;
  /** Teams' own share dialog, when the host has one. */
  shareInTeams?(initiativeId: number, label: string): void;
  /** The initiative a deep link opened the plan on. */
  linkedInitiativeId?: number;
  /** A person's name as the plan shows it. */
  personName(userId: number | undefined): string;
  /** What the user may do here (permissions combined with the plan's status). */
  can: IPlanAbilities;
}

/** What the user may do in the open plan. */
export interface IPlanAbilities {
  changeStatus: boolean;
  editFocus: boolean;
  editInitiatives: boolean;
  checkIn: boolean;
  comment: boolean;
}

export const PlanContext = React.createContext<IPlanContext | undefined>(undefined);

/** The open plan's shared state; only inside `PlanView`. */
export function usePlan(): IPlanContext {
  const context = React.useContext(PlanContext);
  if (!context) throw new Error('usePlan() needs the PlanContext of an open plan above it.');
  return context;
}
