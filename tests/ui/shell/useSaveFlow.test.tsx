import { act } from '@testing-library/react';
import { ConflictError } from '../../../src/data/errors';
import { useSaveFlow } from '../../../src/ui/shell/useSaveFlow';
import { renderHook } from '../../support/renderHook';

interface IItem {
  id: number;
  etag: string;
  title: string;
  owner: string;
}

const base: IItem = { id: 1, etag: '"1"', title: 'Trivsel', owner: 'Anna' };
const theirs: IItem = { ...base, etag: '"2"', title: 'Trivsel i hverdagen' };
const mine: IItem = { ...base, title: 'Trivsel for alle', owner: 'Bo' };

/** A save that meets someone else's change first, then writes whatever it is given. */
function racingSave(): jest.Mock<Promise<IItem>, [IItem | undefined, IItem]> {
  let first = true;
  return jest.fn(async (_base: IItem | undefined, item: IItem) => {
    if (first) {
      first = false;
      throw new ConflictError(item, theirs, ['title']);
    }
    return { ...item, etag: '"3"' };
  });
}

describe('useSaveFlow (one save flow with conflict resolution for every form)', () => {
  it('turns a 412 into a conflict with both versions and the fields both changed', async () => {
    const save = racingSave();
    const { result } = renderHook(() => useSaveFlow<IItem>(save, jest.fn()));
    await act(async () => void (await result.current.run(base, mine)));
    expect(result.current.conflict).toEqual({ base, mine, theirs, fields: ['title'] });
    expect(result.current.busy).toBe(false);
  });

  it('writes my choice on top of the saved version, with my changes they did not touch', async () => {
    const save = racingSave();
    const onSaved = jest.fn();
    const { result } = renderHook(() => useSaveFlow<IItem>(save, onSaved));
    await act(async () => void (await result.current.run(base, mine)));
    let written: IItem | undefined;
    await act(async () => {
      written = await result.current.resolve({ title: 'mine' });
    });
    expect(save).toHaveBeenLastCalledWith(theirs, { ...theirs, title: 'Trivsel for alle', owner: 'Bo' });
    expect(written).toMatchObject({ title: 'Trivsel for alle', owner: 'Bo', etag: '"3"' });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(result.current.conflict).toBeUndefined();
  });

  it('writes nothing when the choice keeps the saved version as it is', async () => {
    const save = racingSave();
    const onSaved = jest.fn();
    const onKeptTheirs = jest.fn();
    const { result } = renderHook(() =>
      useSaveFlow<IItem>(save, onSaved, {
        // A form that takes only the fields chosen as mine (like the task form).
        merge: (conflict, choice) => ({
          ...conflict.theirs,
          ...(choice.title === 'mine' ? { title: conflict.mine.title } : {}),
        }),
        onKeptTheirs,
      }),
    );
    await act(async () => void (await result.current.run(base, mine)));
    let written: IItem | undefined = base;
    await act(async () => {
      written = await result.current.resolve({ title: 'theirs' });
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(written).toBeUndefined();
    expect(onKeptTheirs).toHaveBeenCalledWith(theirs, mine);
    expect(onSaved).not.toHaveBeenCalled();
    expect(result.current.conflict).toBeUndefined();
  });

  it('keeps any other failure for display and leaves the draft to the caller', async () => {
    const failure = new Error('503');
    const onSaved = jest.fn();
    const { result } = renderHook(() => useSaveFlow<IItem>(() => Promise.reject(failure), onSaved));
    let written: IItem | undefined = base;
    await act(async () => {
      written = await result.current.run(base, mine);
    });
    expect(written).toBeUndefined();
    expect(result.current.error).toBe(failure);
    expect(onSaved).not.toHaveBeenCalled();
    act(() => result.current.dismissError());
    expect(result.current.error).toBeUndefined();
  });
});
