/** What the viewer measured, read by the end-to-end test: ms to open a report, ms per page drawn. */
export interface ViewerTimings {
  openMs: number | null;
  renders: Array<{ page: number; ms: number; cells: number }>;
}

declare global {
  interface Window {
    juesuanTimings: ViewerTimings;
  }
}

window.juesuanTimings = { openMs: null, renders: [] };
export const timings = window.juesuanTimings;
