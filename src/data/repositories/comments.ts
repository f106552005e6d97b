/** Dialog comments over "MPK Kommentarer" and private reflections over "MPK Refleksioner". */
import type { SPFI } from "@pnp/sp";
import type { IDialogComment, IReflection } from "../../domain/model";
import { validateComment, validateReflection } from "../../domain/validation";
import { commentCodec, reflectionCodec } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import type { ICommentRepository, IReflectionRepository } from "./types";

export class CommentRepository extends ListRepository<IDialogComment> implements ICommentRepository {
  public constructor(sp: SPFI) {
    super(sp, commentCodec, { validate: (comment) => validateComment(comment) });
  }

  /** Creates a comment; the unit id is kept on the row so a unit's comment counts are one query. */
  public create(comment: IDialogComment, unitId?: number): Promise<IDialogComment> {
    return this.createItem({ ...comment, unitId } as IDialogComment);
  }

  public listForInitiative(initiativeId: number): Promise<IDialogComment[]> {
    return this.queryAll(`InitiativeId eq ${initiativeId}`);
  }

  public listForPlan(planId: number): Promise<IDialogComment[]> {
    return this.queryAll(`PlanId eq ${planId}`);
  }
}

export class ReflectionRepository extends ListRepository<IReflection> implements IReflectionRepository {
  public constructor(sp: SPFI) {
    super(sp, reflectionCodec, { validate: (reflection) => validateReflection(reflection) });
  }

  /** One's own notes. The list lets nobody read others' (ReadSecurity 2); the Author filter keeps it indexed. */
  public listMine(userId: number): Promise<IReflection[]> {
    return this.queryAll(`AuthorId eq ${userId}`, [["Id", false]], 500);
  }
}
