// `#lib/platform/db`: a service's own PostgreSQL database (TypeORM DataSource, creation,
// health). Services only: the gateway must never reach this entry point.
export * from '../database/ensure-database.js';
export * from '../database/database.module.js';
