import * as React from 'react';
import type { IHealthFinding, IProvisioningService, IProvisionReport } from '../../data/repositories/types';
import { useServices } from './services';

/** One check per page and services: a view that reloads (another unit, after a save) asks nothing again. */
const CHECKS = new WeakMap<IProvisioningService, Promise<IHealthFinding[]>>();

function checkOnce(provisioning: IProvisioningService): Promise<IHealthFinding[]> {
  let check = CHECKS.get(provisioning);
  if (!check) {
    check = provisioning.health();
    CHECKS.set(provisioning, check);
  }
  return check;
}

/** Where the site's health check stands. */
export type SiteHealthState =
  | { status: 'checking' }
  | { status: 'findings'; findings: IHealthFinding[] }
  | { status: 'repairing'; findings: IHealthFinding[] }
  | { status: 'repaired'; report: IProvisionReport; remaining: IHealthFinding[] }
  | { status: 'hidden' };

/** What {@link useSiteHealth} hands to the notice. */
export interface ISiteHealth {
  state: SiteHealthState;
  /** Why the last repair failed (the findings stay). */
  error: unknown;
  /** "Ret indstillingerne": the provisioning run, then the check again. */
  repair(findings: IHealthFinding[]): void;
  /** Closes the repair's result: what remains is shown again, else nothing. */
  closeResult(remaining: IHealthFinding[]): void;
}

/** The site owner's health check (read once per page) and its repair. A check that cannot be read hides. */
export function useSiteHealth(): ISiteHealth {
  const services = useServices();
  const [state, setState] = React.useState<SiteHealthState>({ status: 'checking' });
  const [error, setError] = React.useState<unknown>();

  React.useEffect(() => {
    let live = true;
    checkOnce(services.provisioning).then(
      (findings) => live && setState(findings.length > 0 ? { status: 'findings', findings } : { status: 'hidden' }),
      () => live && setState({ status: 'hidden' }),
    );
    return () => {
      live = false;
    };
  }, [services]);

  const repair = async (findings: IHealthFinding[]): Promise<void> => {
    setState({ status: 'repairing', findings });
    setError(undefined);
    try {
      const report = await services.provisioning.provision();
      const remaining = await services.provisioning.health();
      CHECKS.set(services.provisioning, Promise.resolve(remaining));
      setState({ status: 'repaired', report, remaining });
    } catch (e) {
      setError(e);
      setState({ status: 'findings', findings });
    }
  };

  return {
    state,
    error,
    repair: (findings) => void repair(findings),
    closeResult: (remaining) =>
      setState(remaining.length > 0 ? { status: 'findings', findings: remaining } : { status: 'hidden' }),
  };
}
