// What names a PostgreSQL store, apart from the driver: every command asks whether its --db is one, and
// only a run that opens one should load pg.

/** How to start the development/CI server when it is down (DEVELOPERS.md says the same). */
export const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);
