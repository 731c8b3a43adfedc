/** Bumped whenever parsing output can change; each load records it in its run. */
export const PARSER_VERSION = '0.5.57';
