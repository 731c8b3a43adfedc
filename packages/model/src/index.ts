export * from './geometry.ts';
export * from './document.ts';
export * from './parsed.ts';
export * from './errors.ts';
export * from './correction.ts';
export * from './vocabulary.ts';
export * from './ocr-lookalikes.ts';
