import pg from 'pg';
import type { SqlParams } from '../store.ts';
import { MIGRATIONS } from '../migrations.ts';
import { postgresSchema, toPostgresDdl } from './pg-schema.ts';

/** int8 and numeric come back as JS numbers when exact, as BigInt beyond 2^53 (never as floats). */
function exactInteger(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}
pg.types.setTypeParser(pg.types.builtins.INT8, exactInteger);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (text: string) => (/^-?\d+$/.test(text) ? exactInteger(text) : Number(text)));

/** The text of a statement with each parameter (outside quoted strings and names) replaced by `number(match)`. */
function replaceParams(sql: string, pattern: RegExp, number: (param: string) => string): string {
  // quoted strings and names are matched first and kept as they are
  const scan = new RegExp(`'[^']*'|"[^"]*"|${pattern.source}`, 'g');
  return sql.replace(scan, (m) => (m.startsWith("'") || m.startsWith('"') ? m : number(m)));
}

/** SQLite's `?` parameters as PostgreSQL's `$1, $2…` (outside quoted strings and names). */
export function numberedParams(sql: string): string {
  let n = 0;
  return replaceParams(sql, /\?/, () => `$${++n}`);
}

/** SQLite's `@name` parameters as PostgreSQL's `$n`, one number per name (so a name used twice has one type), and their values in order. */
export function namedParams(sql: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const order: string[] = [];
  const text = replaceParams(sql, /@[A-Za-z_]\w*/, (m) => {
    const name = m.slice(1);
    if (!(name in values)) throw new Error(`no value for parameter @${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return { text, values: order.map((name) => values[name]) };
}

/** A statement and its parameters as node-postgres takes them. */
export function pgStatement(sql: string, params: SqlParams = []): { text: string; values: unknown[] | undefined } {
  if (!Array.isArray(params)) return namedParams(sql, params);
  // without parameters a text may hold several statements (a migration)
  return { text: numberedParams(sql), values: params.length ? params : undefined };
}

/** Something that runs SQL with `?` (or `@name`) parameters: the pool, or one client inside a transaction. */
export interface Sql {
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<number>;
  result(sql: string, params?: SqlParams): Promise<pg.QueryResult>;
}

function sqlOn(q: pg.Pool | pg.PoolClient): Sql {
  const result = (sql: string, params?: SqlParams) => q.query(pgStatement(sql, params));
  return {
    all: async <T>(sql: string, params?: SqlParams) => (await result(sql, params)).rows as T[],
    run: async (sql: string, params?: SqlParams) => (await result(sql, params)).rowCount ?? 0,
    result,
  };
}

/** A pool of connections to one PostgreSQL database, brought to the current schema on open. */
export class PgConn {
  readonly sql: Sql;
  private constructor(readonly pool: pg.Pool) {
    this.sql = sqlOn(pool);
  }

  static async open(url: string, options: { max?: number } = {}): Promise<PgConn> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
    // an idle client losing its server is reported on the next query, not as an unhandled error
    pool.on('error', () => {});
    const conn = new PgConn(pool);
    try {
      await conn.migrate();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return conn;
  }

  /** Runs fn in one transaction on one client: committed when it returns, rolled back when it throws. */
  async transaction<T>(fn: (sql: Sql, client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(sqlOn(client), client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * A new database gets the schema of the current migrations at once; one made by an older
   * version gets the migrations since, carried over to PostgreSQL's types. Two processes
   * starting together take turns on an advisory lock.
   */
  private async migrate(): Promise<void> {
    await this.transaction(async (sql) => {
      await sql.all(`SELECT pg_advisory_xact_lock(hashtext('juesuan.migrate'))`);
      await sql.run('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set((await sql.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
      const at = new Date().toISOString();
      if (done.size === 0) {
        for (const statement of postgresSchema()) await sql.run(statement);
        for (const m of MIGRATIONS) await sql.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [m.version, at]);
        return;
      }
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await sql.run(toPostgresDdl(m.sql));
        await sql.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [m.version, at]);
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);
