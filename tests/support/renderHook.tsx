import * as React from 'react';
import { render } from '@testing-library/react';

/** Renders a hook in a probe component (testing-library/react 12 has no renderHook). */
export function renderHook<P, R>(
  hook: (props: P) => R,
  options: { initialProps?: P } = {},
): { result: { current: R }; rerender(props: P): void } {
  const result = {} as { current: R };
  function Probe(props: { hookProps: P }): null {
    result.current = hook(props.hookProps);
    return null;
  }
  const view = render(<Probe hookProps={options.initialProps as P} />);
  return { result, rerender: (props: P) => view.rerender(<Probe hookProps={props} />) };
}
