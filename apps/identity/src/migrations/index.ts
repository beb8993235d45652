/** Every migration of the identity database, oldest first. */
export const identityMigrations = [];
