import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { INGEST_QUEUE, openBoss } from '@juesuan/pipelines';
import { cli, removeTempRoot, root, samples, tempDir } from './helpers.ts';
import type { PgCluster } from './pg-cluster.ts';
import { pgAvailable, startCluster } from './pg-cluster.ts';

/** A `juesuan worker` process and its output so far. */
interface Worker {
  proc: ChildProcessWithoutNullStreams;
  out: () => string;
  waitFor: (re: RegExp, seconds: number) => Promise<RegExpMatchArray>;
}

function startWorker(db: string, ...args: string[]): Worker {
  const proc = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'worker', '--db', db, ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = async (re: RegExp, seconds: number) => {
    const until = Date.now() + seconds * 1000;
    for (;;) {
      const m = re.exec(out);
      if (m) return m;
      if (Date.now() > until) throw new Error(`no ${re} within ${seconds} s in:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { proc, out: () => out, waitFor };
}

describe.skipIf(!pgAvailable)('the job queue with two worker processes', () => {
  let cluster: PgCluster;
  let db: string;
  let client: pg.Client;
  const workers: Worker[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    db = cluster.createDatabase('juesuan_queue');
    client = new pg.Client({ connectionString: db });
    await client.connect();
  });

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await client?.end();
    cluster?.stop();
    removeTempRoot();
  });

  const jobState = async (id: string) => (await client.query<{ state: string }>('SELECT state::text FROM pgboss.job WHERE id = $1', [id])).rows[0]?.state;
  const until = async (what: () => Promise<boolean>, seconds: number) => {
    const end = Date.now() + seconds * 1000;
    while (!(await what())) {
      if (Date.now() > end) throw new Error(`not within ${seconds} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  it('a worker killed mid-job (kill -9): the job is retried on the other, one run is written, none partial', async () => {
    const file = join(samples, 'long', 'sample-long-final-2024.pdf');
    const q = cli(['enqueue', file, '--db', db, '--time-limit', '15', '--retry-delay', '1', '--retries', '3']);
    expect(q.code, q.stderr).toBe(0);
    const jobId = /job ([0-9a-f-]{36})/.exec(q.stdout)![1]!;
    // enqueued twice: pg-boss keeps one job per document waiting
    expect(cli(['enqueue', file, '--db', db]).stdout).toMatch(/skipped .*already waiting in the queue/);

    // whichever worker takes the job is killed the moment it starts it (a short job could end first otherwise)
    const pair = [startWorker(db), startWorker(db)];
    workers.push(...pair);
    const started = new RegExp(`started ingest .* \\[job ${jobId}\\]`);
    const a = await Promise.any(pair.map(async (w) => (await w.waitFor(started, 60), w)));
    const b = pair.find((w) => w !== a)!;
    // the survivor is the second worker, as the next test expects
    workers.splice(0, 2, a, b);
    a.proc.kill('SIGKILL');
    expect(await jobState(jobId)).toBe('active');
    // the killed worker's transaction never committed: nothing of the document is visible
    expect((await client.query('SELECT COUNT(*)::int AS n FROM runs')).rows[0].n).toBe(0);

    await b.waitFor(new RegExp(`ok .*sample-long-final-2024.pdf.*\\[job ${jobId}`), 120);
    await until(async () => (await jobState(jobId)) === 'completed', 30);
    const runs = await client.query<{ id: number; status: string; items: number }>(`SELECT r.id, r.status, (SELECT COUNT(*)::int FROM line_items li WHERE li.run_id = r.id) AS items FROM runs r`);
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]).toMatchObject({ status: 'ok', items: 26 });
    expect(a.out()).not.toMatch(/ok .*sample-long/);

    const status = cli(['status', '--db', db, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ queued: 0, active: 0, done: 1, dead: 0 });
  });

  it('a worker told to stop (SIGTERM) hands its job back, and the other finishes it', async () => {
    const b = workers[1]!;
    const c = startWorker(db, '--grace', '0');
    workers.push(c);
    await c.waitFor(/worker \d+: 1 at a time/, 60);
    // the running worker b takes no job while c starts: b is given one after c has its own
    const q = cli(['enqueue', join(samples, 'sample-final-2023.pdf'), join(samples, 'sample-budget-2025.pdf'), '--db', db, '--retry-delay', '1']);
    expect(q.stdout).toMatch(/queued 2 documents/);
    const [, started] = await c.waitFor(/started ingest .* \[job ([0-9a-f-]{36})\]/, 60);
    c.proc.kill('SIGTERM');
    await c.waitFor(/handed back 1 jobs/, 30);
    await until(async () => c.proc.exitCode !== null, 30);
    await b.waitFor(new RegExp(`ok .*\\[job ${started}`), 120);
    await until(async () => (await client.query(`SELECT COUNT(*)::int AS n FROM runs WHERE status = 'ok'`)).rows[0].n === 3, 120);
    expect((await client.query(`SELECT COUNT(DISTINCT document_sha256)::int AS n FROM runs`)).rows[0].n).toBe(3);
  });

  it('dead-letters a job after its retries, and queues reparse jobs that the worker runs', async () => {
    // no worker runs while the job is queued and its shared folder lost: a running one could take the
    // job and read the folder first (on a loaded machine it did, and the job never failed)
    const running = workers[1]!;
    running.proc.kill('SIGTERM');
    await until(async () => running.proc.exitCode !== null, 30);
    const blobs = join(tempDir('blobs-'), 'shared');
    const q = cli(['enqueue', join(samples, 'text', 'sample-final-2022.txt'), '--db', db, '--blobs', blobs, '--retries', '1', '--retry-delay', '1']);
    expect(q.stdout, q.stderr).toMatch(/queued 1 documents/);
    // the shared folder is lost before a worker reads it: every attempt fails
    rmSync(blobs, { recursive: true, force: true });
    const b = startWorker(db);
    // the next test takes this worker as the one left running
    workers[1] = b;
    await until(async () => JSON.parse(cli(['status', '--db', db, '--json']).stdout).dead === 1, 120);
    await b.waitFor(/FAILED .*sample-final-2022\.txt: queued file [0-9a-f]{64} is not in/, 10);
    const dead = await client.query(`SELECT data->>'file' AS file FROM pgboss.job WHERE name = 'juesuan-dead'`);
    expect(dead.rows.map((r) => r.file as string)).toEqual([join(samples, 'text', 'sample-final-2022.txt')]);
    expect((await client.query(`SELECT COUNT(*)::int AS n FROM runs WHERE file LIKE '%sample-final-2022.txt'`)).rows[0].n).toBe(0);

    const r = cli(['enqueue', '--reparse', '--db', db]);
    expect(r.stdout).toMatch(/queued 3 reparse jobs/);
    await b.waitFor(/(reparsed .*\n[^]*){3}/, 120);
    expect(b.out().match(/reparsed .*: unchanged/g)).toHaveLength(3);
  });

  it('is idempotent by sha256 and versions: a job done twice writes one run, a new parser version one more', async () => {
    const b = workers[1]!;
    const file = join(samples, 'sample-final-2023.pdf');
    const okRuns = async () => (await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM runs WHERE file = $1 AND status = 'ok'`, [file])).rows[0]!.n;
    expect(await okRuns()).toBe(1);
    expect(cli(['enqueue', file, '--db', db]).stdout).toMatch(/skipped .*already ingested \(same bytes and versions\)/);
    const boss = await openBoss(db, { supervise: false });
    try {
      /** The job queued for the file, sent once more as a worker would get it again, and what the worker said of that second time. */
      const doneTwice = async (jobId: string) => {
        await b.waitFor(new RegExp(`(ok|skipped) .*\\[job ${jobId}`), 120);
        const [job] = (await client.query<{ data: object }>('SELECT data FROM pgboss.job WHERE id = $1 UNION ALL SELECT data FROM pgboss.archive WHERE id = $1', [jobId])).rows;
        const again = (await boss.send(INGEST_QUEUE, job!.data))!;
        return (await b.waitFor(new RegExp(`(ok|skipped) [^\\n]*\\[job ${again}`), 120))[0];
      };
      // the stored run was made by an older parser: the document is queued, and loaded once more
      await client.query(`UPDATE runs SET parser_version = '0.0.0-older' WHERE file = $1`, [file]);
      const bumped = /job ([0-9a-f-]{36})/.exec(cli(['enqueue', file, '--db', db]).stdout)![1]!;
      expect(await doneTwice(bumped)).toMatch(/^skipped .*already ingested \(same bytes and versions\)/);
      expect(b.out()).toMatch(new RegExp(`ok .*sample-final-2023\\.pdf.*\\[job ${bumped}`));
      expect(await okRuns()).toBe(2);
      // forced: one more run, however often the job is done
      const forced = /job ([0-9a-f-]{36})/.exec(cli(['enqueue', file, '--db', db, '--force']).stdout)![1]!;
      expect(await doneTwice(forced)).toMatch(/^skipped .*loaded meanwhile/);
      expect(b.out()).toMatch(new RegExp(`ok .*sample-final-2023\\.pdf.*\\[job ${forced}`));
      expect(await okRuns()).toBe(3);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  });
});
