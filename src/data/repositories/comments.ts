/** Dialog comments over "MPK Kommentarer" and private reflections over "MPK Refleksioner". */
import type { SPFI } from '@pnp/sp';
import type { IDialogComment, IReflection } from '../../domain/model';
import { validateComment, validateReflection } from '../../domain/validation';
import { commentCodec, reflectionCodec } from '../mapping/entities';
import { DataError, toDataError } from '../errors';
import { ListRepository } from './listRepository';
import type { Notifier } from '../notifications/events';
import { windowedPage } from './query';
import type { ICommentRepository, IReflectionRepository } from './types';

/** The most comments of one thread shown once it has passed 5,000. */
export const THREAD_MAX = 500;

export class CommentRepository extends ListRepository<IDialogComment> implements ICommentRepository {
  public constructor(sp: SPFI, notifier?: Notifier) {
    super(sp, commentCodec, {
      validate: (comment) => validateComment(comment),
      afterWrite: notifier && ((items) => notifier.commentWritten(items)),
    });
  }

  /** Creates a comment; the unit id is kept on the row so a unit's comment counts are one query. */
  public create(comment: IDialogComment, unitId?: number): Promise<IDialogComment> {
    return this.createItem({ ...comment, unitId } as IDialogComment);
  }

  public listForInitiative(initiativeId: number): Promise<IDialogComment[]> {
    return this.thread(`InitiativeId eq ${initiativeId}`);
  }

  public listForPlan(planId: number): Promise<IDialogComment[]> {
    return this.thread(`PlanId eq ${planId}`);
  }

  /**
   * A thread, oldest first. Anyone may comment, so a thread can pass 5,000 comments (SharePoint then
   * refuses the filter): the newest `THREAD_MAX` of them are read through id windows instead.
   */
  private async thread(filter: string): Promise<IDialogComment[]> {
    try {
      return await this.queryAll(filter);
    } catch (error) {
      if (!(error instanceof DataError && error.reason === 'threshold')) throw error;
      try {
        return (await windowedPage(this.sp, commentCodec, { filter }, THREAD_MAX)).items.reverse();
      } catch (walkError) {
        throw toDataError(walkError);
      }
    }
  }
}

export class ReflectionRepository extends ListRepository<IReflection> implements IReflectionRepository {
  public constructor(sp: SPFI) {
    super(sp, reflectionCodec, { validate: (reflection) => validateReflection(reflection) });
  }

  /** One's own notes. The list lets nobody read others' (ReadSecurity 2); the Author filter keeps it indexed. */
  public listMine(userId: number): Promise<IReflection[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [['Id', false]], 500);
  }
}
