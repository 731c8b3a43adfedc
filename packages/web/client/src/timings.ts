/** What the viewer measured, read by the end-to-end test: ms to open a report, ms per page drawn. */
export interface ViewerTimings {
  /** from the document view's start to its first page drawn with its cells */
  openMs: number | null;
  /** from the navigation that loaded the app (its code, font, then the same) to that first page */
  sinceNavigationMs: number | null;
  renders: Array<{ page: number; ms: number; cells: number }>;
}

declare global {
  interface Window {
    juesuanTimings: ViewerTimings;
  }
}

window.juesuanTimings = { openMs: null, sinceNavigationMs: null, renders: [] };
export const timings = window.juesuanTimings;
