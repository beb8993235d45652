/** Every migration of the applications database, oldest first. */
export const applicationsMigrations = [];
