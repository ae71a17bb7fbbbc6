// For tests: a PostgreSQL store of their own in the shared test database, one schema each (named by
// process and count), dropped when the test file ends, so parallel runs never see each other's rows.
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import pg from 'pg';

/** The test database (trust auth on loopback); $NEWSDESK_TEST_PG points elsewhere. */
export const PG_TEST_URL = process.env.NEWSDESK_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';

const made: string[] = [];

/** A postgres:// address naming a fresh schema of this process. */
export function pgTestSchema(): string {
  const schema = `nd_test_${process.pid}_${made.length + 1}_${Date.now().toString(36)}`;
  made.push(schema);
  return `${PG_TEST_URL}?schema=${schema}`;
}

/** The rows of a query run in the schema of `location` (a pgTestSchema address), as another client sees them. */
export async function queryPgTestSchema<R>(location: string, sql: string): Promise<R[]> {
  const schema = new URL(location).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: PG_TEST_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}

/** Drops the schemas this process made (nothing to do, and no connection, when it made none). */
export async function dropPgTestSchemas(): Promise<void> {
  if (!made.length) return;
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  // With the server down the tests themselves failed saying how to start it; nothing was made to drop.
  if (!(await client.connect().then(() => true, () => false))) return;
  try {
    for (const schema of made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A TCP relay on 127.0.0.1 to the test PostgreSQL that can be cut (connections dropped, new ones refused) and
 *  restored on the same port: an outage of the store, as its clients see one, without touching the shared server.
 *  `location`: a fresh test schema reached through the relay. */
export async function pgTestRelay() {
  const target = new URL(PG_TEST_URL);
  const open = new Set<Socket>();
  const relay = (client: Socket) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    open.add(client).add(server);
    client.pipe(server).pipe(client);
    for (const s of [client, server]) s.on('error', () => {}).on('close', () => { client.destroy(); server.destroy(); open.delete(s); });
  };
  let listener = createServer(relay);
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  const port = (listener.address() as AddressInfo).port;
  const location = new URL(pgTestSchema());
  location.host = `127.0.0.1:${port}`;
  return {
    port,
    location: location.href,
    async cut() {
      await new Promise((r) => { listener.close(r); for (const s of open) s.destroy(); });
    },
    async restore() {
      listener = createServer(relay);
      await new Promise<void>((r) => listener.listen(port, '127.0.0.1', r));
    },
  };
}
