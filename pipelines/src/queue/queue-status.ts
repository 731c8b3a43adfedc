import type PgBoss from 'pg-boss';
import { DEAD_QUEUE, INGEST_QUEUE } from './job-queue.ts';

export interface QueueStatus {
  queued: number;
  retrying: number;
  active: number;
  done: number;
  failed: number;
  dead: number;
  /** jobs completed in the last 10 minutes, per minute */
  perMinute: number;
}

/** The ingest queue's jobs by state (live and archived) and its recent throughput. */
export async function queueStatus(boss: PgBoss): Promise<QueueStatus> {
  const db = boss.getDb();
  const states = await db.executeSql(
    `SELECT name, state::text AS state, COUNT(*)::int AS n FROM (SELECT name, state FROM pgboss.job UNION ALL SELECT name, state FROM pgboss.archive) j WHERE name IN ($1, $2) GROUP BY name, state`,
    [INGEST_QUEUE, DEAD_QUEUE],
  );
  const count = (name: string, ...wanted: string[]) => (states.rows as Array<{ name: string; state: string; n: number }>).filter((r) => r.name === name && wanted.includes(r.state)).reduce((s, r) => s + r.n, 0);
  const recent = await db.executeSql(
    `SELECT COUNT(*)::int AS n FROM (SELECT name, state, completed_on FROM pgboss.job UNION ALL SELECT name, state, completed_on FROM pgboss.archive) j WHERE name = $1 AND state = 'completed' AND completed_on > now() - interval '10 minutes'`,
    [INGEST_QUEUE],
  );
  return {
    queued: count(INGEST_QUEUE, 'created'),
    retrying: count(INGEST_QUEUE, 'retry'),
    active: count(INGEST_QUEUE, 'active'),
    done: count(INGEST_QUEUE, 'completed'),
    failed: count(INGEST_QUEUE, 'failed', 'cancelled'),
    dead: count(DEAD_QUEUE, 'created', 'retry', 'active', 'completed', 'failed'),
    perMinute: (recent.rows[0] as { n: number }).n / 10,
  };
}
