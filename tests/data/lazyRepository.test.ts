import { lazyRepository } from '../../src/data/lazyRepository';

interface IThing {
  list(n: number): Promise<number[]>;
  name(): Promise<string>;
}

class Thing implements IThing {
  public constructor(private readonly prefix: string) {}
  public async list(n: number): Promise<number[]> {
    return Array.from({ length: n }, (_, i) => i);
  }
  public async name(): Promise<string> {
    return `${this.prefix}-navn`;
  }
}

describe('a repository that loads on its first call', () => {
  it('loads nothing until a method is called, then once, and calls the real method with its arguments and this', async () => {
    const load = jest.fn(async () => new Thing('mpk'));
    const repo = lazyRepository<IThing>(load);
    expect(load).not.toHaveBeenCalled();
    await expect(Promise.all([repo.list(3), repo.name()])).resolves.toEqual([[0, 1, 2], 'mpk-navn']);
    await repo.name();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is not a thenable (awaiting it gives the stand-in back) and gives the same method each time', async () => {
    const repo = lazyRepository<IThing>(async () => new Thing('x'));
    expect(await Promise.resolve(repo)).toBe(repo);
    expect(repo.list).toBe(repo.list);
  });

  it('passes a failed load on to the caller and tries again at the next call', async () => {
    const load = jest
      .fn<Promise<IThing>, []>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(new Thing('igen'));
    const repo = lazyRepository<IThing>(load);
    await expect(repo.name()).rejects.toThrow('chunk failed');
    await expect(repo.name()).resolves.toBe('igen-navn');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('rejects a call of a method the repository does not have', async () => {
    const repo = lazyRepository<IThing & { missing(): Promise<void> }>(async () => new Thing('x') as never);
    await expect(repo.missing()).rejects.toThrow(TypeError);
  });
});
