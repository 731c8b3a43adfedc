import { describe, expect, it } from 'vitest';
import { findDocuments, findOneDocument } from './find-document.ts';
import { recordFailedRun } from './load-run.ts';
import { recordUnreadableRun } from './load-once.ts';
import { openDatabase } from './open-database.ts';
import { sqliteStore } from './sqlite-store.ts';

const shaA = `ab12cd34${'0'.repeat(56)}`;
const shaB = `ab12cd35${'0'.repeat(56)}`;

function db() {
  const d = openDatabase(':memory:');
  const failed = (sha256: string, file: string) => recordFailedRun(d, { sha256, file, sizeBytes: 1, format: 'pdf', pageCount: 1 }, { code: 'x', message: 'x' }, 'now');
  failed(shaA, '/r/report.pdf');
  failed(shaB, '/r/scanned/report.pdf');
  recordUnreadableRun(d, '/r/report.pdf', { code: 'unreadable', message: 'x' });
  return sqliteStore(d);
}

describe('finding a document', () => {
  it('by an exact path only, never by a part of one, and never as the unreadable-path placeholder', async () => {
    const d = db();
    expect(await findDocuments(d, '/r/report.pdf')).toEqual([{ sha256: shaA, file: '/r/report.pdf' }]);
    expect(await findDocuments(d, 'report.pdf')).toEqual([]);
    expect(await findDocuments(d, '')).toEqual([]);
  });

  it('by a sha256 prefix of 8 characters or more, and says when it is ambiguous or too short', async () => {
    const d = db();
    expect(await findOneDocument(d, 'AB12CD34')).toEqual({ sha256: shaA, file: '/r/report.pdf' });
    expect(await findOneDocument(d, 'ab12cd3')).toEqual({ error: 'ab12cd3: no such document (a sha256 prefix needs at least 8 characters)' });
    expect(await findOneDocument(d, 'ab12cd3f')).toEqual({ error: 'ab12cd3f: no such document' });
    expect(await findDocuments(d, 'ab12cd34'.slice(0, 8))).toHaveLength(1);
    expect(await findOneDocument(d, '')).toEqual({ error: '"": no such document' });
  });
});
