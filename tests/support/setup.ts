import '@testing-library/jest-dom';

// jsdom has no ResizeObserver; Notice (ui/shell/Notice.tsx, like Fluent's MessageBar) measures itself with one (for its reflow).
// Only in jsdom: node-environment tests have no window.
if (typeof window !== 'undefined' && typeof (window as { ResizeObserver?: unknown }).ResizeObserver === 'undefined') {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    public observe(): void {}
    public unobserve(): void {}
    public disconnect(): void {}
  };
}

// Every test starts with empty browser storage: drafts one test leaves behind (useDraft) would
// otherwise reopen forms in the next.
beforeEach(() => {
  if (typeof window !== 'undefined') window.localStorage.clear();
});
