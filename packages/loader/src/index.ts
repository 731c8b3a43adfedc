export { openDatabase, openReadOnly, migrate } from './open-database.ts';
export { MIGRATIONS } from './migrations.ts';
export type { Db } from './open-database.ts';
export { loadRun, recordFailedRun, upsertDocument, hasSuccessfulRun, cachedExtraction, cacheExtraction } from './load-run.ts';
export type { DocumentInfo } from './load-run.ts';
export { exportRecords, exportFacts, EXPORT_FIELDS, FACT_FIELDS, csvField } from './export-records.ts';
export type { ExportRecord, ExportFact } from './export-records.ts';
export { diffRuns } from './run-diff.ts';
export type { RunDiff } from './run-diff.ts';
