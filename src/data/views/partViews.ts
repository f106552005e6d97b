/**
 * The view repository of one web part: its own first view's loader is handed in (and so is in its entry
 * bundle); the other two views load as chunks if they are ever asked for. `ViewRepository` in
 * `index.ts` has all three built in (preview, tests, CLI).
 */
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
import type { loadAmbitionsView } from './ambitionsView';
import type { loadFollowUpView } from './followUpView';
import type { loadPlanView } from './planView';

/** The loaders a web part carries in its entry bundle. */
export interface IViewLoaders {
  ambitions?: typeof loadAmbitionsView;
  plan?: typeof loadPlanView;
  followUp?: typeof loadFollowUpView;
}

export class PartViewRepository implements IViewRepository {
  public constructor(
    private readonly sp: SPFI,
    private readonly user: ICurrentUser,
    private readonly loaders: IViewLoaders,
  ) {}

  public async loadAmbitionsView(query: IAmbitionsViewQuery = {}): Promise<IAmbitionsView> {
    const load =
      this.loaders.ambitions ??
      (await import(/* webpackChunkName: 'mpk-view-ambitions' */ './ambitionsView')).loadAmbitionsView;
    return load(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  public async loadPlanView(query: IPlanViewQuery): Promise<IPlanView> {
    const load = this.loaders.plan ?? (await import(/* webpackChunkName: 'mpk-view-plan' */ './planView')).loadPlanView;
    return load(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  public async loadFollowUpView(query: IFollowUpViewQuery = {}): Promise<IFollowUpView> {
    const load =
      this.loaders.followUp ??
      (await import(/* webpackChunkName: 'mpk-view-follow-up' */ './followUpView')).loadFollowUpView;
    return load(this.sp, { ...query, userId: query.userId ?? this.user.id });
  }

  // The overview's lists, read on demand: a chunk of their own in every web part.
  public async loadOverdueTasks(unitIds: readonly number[], today: IsoDate): Promise<IOverdueTasks> {
    const lists = await import(/* webpackChunkName: 'mpk-view-follow-up-lists' */ './followUpLists');
    return lists.loadOverdueTasks(this.sp, unitIds, today);
  }

  public async loadStoppedInitiatives(planIds: readonly number[]): Promise<IInitiative[]> {
    const lists = await import(/* webpackChunkName: 'mpk-view-follow-up-lists' */ './followUpLists');
    return lists.loadStoppedInitiatives(this.sp, planIds);
  }

  // "Hos <enhed>" in the ambitions view, read when an ambition is opened.
  public async loadUnitAmbitions(unitId: number): Promise<IUnitAmbitions> {
    const unit = await import(/* webpackChunkName: 'mpk-view-unit-ambitions' */ './unitAmbitions');
    return unit.loadUnitAmbitions(this.sp, unitId);
  }
}
