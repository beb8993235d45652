/** Every migration of the documents database, oldest first. */
export const documentsMigrations = [];
