/** @jest-environment node */
import type { SPFI } from '../../src/data/sp';
import { PartViewRepository } from '../../src/data/views/partViews';

jest.mock('../../src/data/views/followUpView', () => ({
  loadFollowUpView: jest.fn(async (_sp: unknown, query: { userId: number }) => ({
    from: 'chunk',
    userId: query.userId,
  })),
}));

const SP = {} as SPFI;
const USER = { id: 7, email: 'leder@mpk.local', displayName: 'Leder' };

describe("a web part's view repository", () => {
  it("uses the loader the web part carries, with the signed-in user's id unless the query names one", async () => {
    const loadPlanView = jest.fn(async () => ({ from: 'entry' }));
    const views = new PartViewRepository(SP, USER, { plan: loadPlanView as never });
    await expect(views.loadPlanView({ unitId: 3 })).resolves.toEqual({ from: 'entry' });
    expect(loadPlanView).toHaveBeenCalledWith(SP, { unitId: 3, userId: 7 });
    await views.loadPlanView({ unitId: 3, userId: 9 });
    expect(loadPlanView).toHaveBeenLastCalledWith(SP, { unitId: 3, userId: 9 });
  });

  it('loads a view it does not carry from its module when asked for', async () => {
    const views = new PartViewRepository(SP, USER, {});
    await expect(views.loadFollowUpView()).resolves.toEqual({ from: 'chunk', userId: 7 });
  });
});
