/** The role the tests log in as on the PostgreSQL test server. */
export const TEST_ROLE: string;
/** The admin URL of a PostgreSQL server the tests may create databases on, or why there is none. */
export function ensurePostgresTestServer(): { url: string; reason?: undefined } | { url?: undefined; reason: string };
