import * as React from 'react';
import type { IMpkServices, IUnitAmbitions } from '../../data/repositories/types';
import { isHttpUrl } from '../../domain/links';
import { UNIT_QUERY_PARAM, type INotificationPages } from '../../domain/notifications';
import { useServices } from '../shell/services';

/** One read per unit and services, shared by the five cards (a failed read is forgotten, to try again). */
const reads = new WeakMap<object, Map<number, Promise<IUnitAmbitions>>>();

function readUnit(services: IMpkServices, unitId: number): Promise<IUnitAmbitions> {
  let perUnit = reads.get(services);
  if (!perUnit) reads.set(services, (perUnit = new Map()));
  let read = perUnit.get(unitId);
  if (!read) {
    read = services.views.loadUnitAmbitions(unitId);
    perUnit.set(unitId, read);
    read.catch(() => perUnit?.delete(unitId));
  }
  return read;
}

/** The plan page showing the unit (`?mpkUnit=`), when the site says where the plan page is. */
export function planPageOf(pages: INotificationPages, unitId: number): string | undefined {
  if (!pages.plan || !isHttpUrl(pages.plan)) return undefined;
  const url = new URL(pages.plan);
  url.hash = '';
  url.searchParams.set(UNIT_QUERY_PARAM, String(unitId));
  return url.toString();
}

/** What {@link useUnitAmbition} gives: the unit's plan and focuses once read, or why not. */
export interface IUnitAmbitionState {
  value: IUnitAmbitions | undefined;
  error: unknown;
  retry(): void;
}

/** Reads (once per unit, for every card) what the reader's unit wrote about the ambitions. */
export function useUnitAmbition(unitId: number | undefined): IUnitAmbitionState {
  const services = useServices();
  const [state, setState] = React.useState<{ value?: IUnitAmbitions; error?: unknown; for?: number }>({});
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (unitId === undefined) return undefined;
    let live = true;
    readUnit(services, unitId).then(
      (value) => live && setState({ value, for: unitId }),
      (error: unknown) => live && setState({ error, for: unitId }),
    );
    return () => {
      live = false;
    };
  }, [services, unitId, attempt]);
  const current = state.for === unitId;
  return {
    value: current ? state.value : undefined,
    error: current ? state.error : undefined,
    retry: () => {
      setState({});
      setAttempt((n) => n + 1);
    },
  };
}
