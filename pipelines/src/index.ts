export { expandInputs } from './expand-inputs.ts';
export { ingestFile, ingestFiles, describeResult } from './ingest.ts';
export type { FileResult, IngestOptions } from './ingest.ts';
export { reparseAll } from './reparse.ts';
export type { ReparseResult } from './reparse.ts';
export { createProgress } from './progress.ts';
export { extractFile } from './extract-file.ts';
export { linkPublications } from './link-publications.ts';
export { extractionKey } from './extraction-key.ts';
