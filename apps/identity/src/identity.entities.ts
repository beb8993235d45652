import { AccountEntity } from './accounts/account.entity.js';

/**
 * Every TypeORM entity of the identity database. Accounts are the only rows read and written as
 * entities; the registry (person, family, membership), the access log and the registry changes
 * are queried in SQL by their repositories, as the rows of `registry/registry.rows.ts` and
 * `access-log/access-log.repository.ts` (bulk COPY, hash chains and as-of queries do not fit an
 * ORM), so they have no entity classes that could drift from the migrations.
 */
export const identityEntities = [AccountEntity];
