/** The first views: one `$batch` round trip each. */
import type { SPFI } from '@pnp/sp';
import type { IInitiative, IsoDate } from '../../domain/model';
import type {
  IAmbitionsView,
  IAmbitionsViewQuery,
  ICurrentUser,
  IFollowUpView,
  IFollowUpViewQuery,
  IOverdueTasks,
  IPlanView,
  IPlanViewQuery,
  IUnitAmbitions,
  IViewRepository,
} from '../repositories/types';
import { loadAmbitionsView } from './ambitionsView';
import { loadFollowUpView } from './followUpView';
import { loadOverdueTasks, loadStoppedInitiatives } from './followUpLists';
import { loadPlanView } from './planView';
import { loadUnitAmbitions } from './unitAmbitions';

export { loadAmbitionsView } from './ambitionsView';
export { loadPlanView } from './planView';
export { loadFollowUpView } from './followUpView';
export { loadOverdueTasks, loadStoppedInitiatives } from './followUpLists';
export { loadUnitAmbitions } from './unitAmbitions';

/** The view repository over an SPFI, for one user (whose stories, notes and tasks are "mine"). */
export class ViewRepository implements IViewRepository {
  public constructor(
    private readonly sp: SPFI,
    private readonly user: ICurrentUser,
  ) {}

  public loadAmbitionsView(query: IAmbitionsViewQuery = {}): Promise<IAmbitionsView> {
    return loadAmbitionsView(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  public loadPlanView(query: IPlanViewQuery): Promise<IPlanView> {
    return loadPlanView(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  public loadFollowUpView(query: IFollowUpViewQuery = {}): Promise<IFollowUpView> {
    return loadFollowUpView(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  public loadOverdueTasks(unitIds: readonly number[], today: IsoDate): Promise<IOverdueTasks> {
    return loadOverdueTasks(this.sp, unitIds, today);
  }

  public loadStoppedInitiatives(planIds: readonly number[]): Promise<IInitiative[]> {
    return loadStoppedInitiatives(this.sp, planIds);
  }

  public loadUnitAmbitions(unitId: number): Promise<IUnitAmbitions> {
    return loadUnitAmbitions(this.sp, unitId);
  }
}
