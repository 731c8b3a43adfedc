export { parseDocument } from './parse-document.ts';
export { PARSER_VERSION } from './version.ts';
export { parseAmount, formatFen, looksLikeAmount } from './amounts/parse-amount.ts';
export { loadCatalog, CATALOG_VERSION } from './catalog/catalog.ts';
export { classifyTable } from './tables/classify-table.ts';
export { validateRecords } from './validate/validate.ts';
