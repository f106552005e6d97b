/** Plans, their per-ambition focus, initiatives and check-ins. */
import type { SPFI } from '@pnp/sp';
import type { ICheckIn, IInitiative, IPlan, IPlanFocus } from '../../domain/model';
import { validateCheckIn, validateInitiative, validatePlan, validatePlanFocus } from '../../domain/validation';
import { checkInCodec, initiativeCodec, planCodec, planFocusCodec } from '../mapping/entities';
import { afterEach, ListRepository } from './listRepository';
import type { Notifier } from '../notifications/events';
import { keepLastCheckIn } from '../notifications/lastCheckIn';
import { newestCheckInFirst } from './readHelpers';
import { refreshUnitsOf } from './unitSummaries';
import type { ICheckInRepository, IInitiativeRepository, IPlanFocusRepository, IPlanRepository } from './types';

/** Plans over "MPK Planer" (versioned). */
export class PlanRepository extends ListRepository<IPlan> implements IPlanRepository {
  public constructor(sp: SPFI, notifier?: Notifier) {
    super(sp, planCodec, {
      validate: (plan, previous) => validatePlan(plan, { previousStatus: previous && previous.status }),
      afterWrite: afterEach(refreshUnitsOf(sp), notifier && ((items) => notifier.planWritten(items))),
    });
  }

  /** A unit's plans (UnitId is indexed). */
  public listForUnit(unitId: number): Promise<IPlan[]> {
    return this.queryAll(`UnitId eq ${unitId}`);
  }
}

/** Relevance and local meaning per plan and ambition, over "MPK Planfokus". */
export class PlanFocusRepository extends ListRepository<IPlanFocus> implements IPlanFocusRepository {
  public constructor(sp: SPFI) {
    super(sp, planFocusCodec, { validate: (focus) => validatePlanFocus(focus), afterWrite: refreshUnitsOf(sp) });
  }

  /** Creates a focus row; the unit id is kept on the row so a unit's plan view is one query per list. */
  public create(focus: IPlanFocus, unitId?: number): Promise<IPlanFocus> {
    return this.createItem({ ...focus, unitId } as IPlanFocus);
  }

  public listForPlan(planId: number): Promise<IPlanFocus[]> {
    return this.queryAll(`PlanId eq ${planId}`);
  }
}

/** Initiatives over "MPK Indsatser" (versioned). */
export class InitiativeRepository extends ListRepository<IInitiative> implements IInitiativeRepository {
  public constructor(sp: SPFI) {
    super(sp, initiativeCodec, {
      validate: (initiative, previous) =>
        validateInitiative(initiative, { previousStatus: previous && previous.status }),
      afterWrite: refreshUnitsOf(sp),
    });
  }

  public listForPlan(planId: number): Promise<IInitiative[]> {
    return this.queryAll(`PlanId eq ${planId}`);
  }

  public listForUnit(unitId: number): Promise<IInitiative[]> {
    return this.queryAll(`UnitId eq ${unitId}`);
  }
}

export { newestCheckInFirst } from './readHelpers';

/** Check-ins over "MPK Statusmeldinger". */
export class CheckInRepository extends ListRepository<ICheckIn> implements ICheckInRepository {
  public constructor(sp: SPFI, now: () => Date = () => new Date()) {
    super(sp, checkInCodec, {
      validate: (checkIn) => validateCheckIn(checkIn, { now: now() }),
      afterWrite: afterEach(refreshUnitsOf(sp), keepLastCheckIn(sp)),
    });
  }

  /** Creates a check-in; the unit id is kept on the row (threshold-safe queries per unit). */
  public create(checkIn: ICheckIn, unitId?: number): Promise<ICheckIn> {
    return this.createItem({ ...checkIn, unitId } as ICheckIn);
  }

  public async listForInitiative(initiativeId: number): Promise<ICheckIn[]> {
    return (await this.queryAll(`InitiativeId eq ${initiativeId}`)).sort(newestCheckInFirst);
  }
}
