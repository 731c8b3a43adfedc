import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, samples, tempDb } from './helpers.ts';

afterAll(removeTempRoot);

describe('a publication split into a narrative file and a tables file', () => {
  it('links the two by department (under either name), year and kind, and checks the narrative against the tables', () => {
    const db = tempDb();
    const ingest = cli(['ingest', join(samples, 'split'), '--db', db]);
    expect(ingest.code).toBe(0);
    const q = cli(['query', 'SELECT file, department, publication FROM latest_runs ORDER BY file', '--db', db, '--format', 'json']);
    const runs = JSON.parse(q.stdout) as Array<{ file: string; department: string; publication: string }>;
    expect(runs.map((r) => r.department).sort()).toEqual(['中共示例市委宣传部', '中国共产党示例市委员会宣传部']);
    expect(new Set(runs.map((r) => r.publication)).size).toBe(1);
    const f = cli(['query', "SELECT f.rule, f.severity, f.message_en FROM findings f JOIN latest_runs r ON r.id = f.run_id WHERE r.file LIKE '%部门预算.txt'", '--db', db, '--format', 'json']);
    const findings = JSON.parse(f.stdout) as Array<{ rule: string; severity: string; message_en: string }>;
    expect(findings.map((x) => x.rule)).toContain('publication.linked');
    // 基本支出 120.00 stands in the tables file; 项目支出 30.00 does not (the table prints 35.00)
    expect(findings.find((x) => x.rule === 'narrative.summary')?.message_en).toMatch(/2 figures .* 1 agree/);
    expect(findings.filter((x) => x.rule === 'narrative.restated').map((x) => x.message_en)).toEqual([expect.stringMatching(/30\.00/)]);
  }, 60_000);
});
