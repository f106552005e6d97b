import { act } from '@testing-library/react';
import { renderHook } from '../../support/renderHook';
import { useViewLoader } from '../../../src/ui/shell/useViewLoader';

/** A read the test answers by hand. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useViewLoader (one view loader for every surface)', () => {
  it('reads once, then is ready with the view', async () => {
    const read = deferred<string>();
    const load = jest.fn(() => read.promise);
    const { result } = renderHook(() => useViewLoader(load, []));
    expect(result.current.status).toBe('loading');
    expect(result.current.view).toBeUndefined();
    await act(async () => read.resolve('første'));
    expect(result.current).toMatchObject({ status: 'ready', view: 'første', error: undefined });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the view on screen while a reload runs and after it fails', async () => {
    const reads = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useViewLoader(() => reads[call++].promise, []));
    await act(async () => reads[0].resolve('første'));
    act(() => result.current.reload());
    expect(result.current).toMatchObject({ status: 'loading', view: 'første' });
    const boom = new Error('503');
    await act(async () => reads[1].reject(boom));
    expect(result.current).toMatchObject({ status: 'failed', view: 'første', error: boom });
  });

  it('drops an answer that a newer read overtook', async () => {
    const reads: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() };
    const { result, rerender } = renderHook(({ key }) => useViewLoader(() => reads[key].promise, [key]), {
      initialProps: { key: 'a' },
    });
    rerender({ key: 'b' });
    await act(async () => reads.b.resolve('b'));
    await act(async () => reads.a.resolve('a'));
    expect(result.current.view).toBe('b');
  });

  it('patches the view in place without reading again, and tells onLoaded only of reads', async () => {
    const load = jest.fn(() => Promise.resolve(['x']));
    const onLoaded = jest.fn();
    const { result } = renderHook(() => useViewLoader(load, [], { onLoaded }));
    await act(async () => undefined);
    act(() => result.current.patch((view) => view.concat('y')));
    expect(result.current.view).toEqual(['x', 'y']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(onLoaded).toHaveBeenCalledTimes(1);
    expect(onLoaded).toHaveBeenCalledWith(['x']);
  });

  it('keeps what is shown when load says there is nothing to read', async () => {
    let needed = true;
    const load = jest.fn(() => (needed ? Promise.resolve('view') : undefined));
    const { result, rerender } = renderHook(({ key }) => useViewLoader(load, [key]), { initialProps: { key: 1 } });
    await act(async () => undefined);
    needed = false;
    rerender({ key: 2 });
    expect(result.current).toMatchObject({ status: 'ready', view: 'view' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
