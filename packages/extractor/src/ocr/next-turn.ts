/**
 * The rest of the event loop's turn given away: recognitions that finished meanwhile hand out their
 * next calls before a long stretch of a page's image work goes on (the recognisers wait idle otherwise).
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
