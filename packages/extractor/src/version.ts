/** Bumped whenever extraction output can change; cached extractions are keyed by it. */
export const EXTRACTOR_VERSION = '0.5.49';
