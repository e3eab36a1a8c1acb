/**
 * The exceptions a run throws that callers of the Java API catch by type: the database could not
 * be reached ({@link dev.migrate.errors.ConnectionFailed}), the migration lock was held too long
 * ({@link dev.migrate.errors.LockTimeout}), a revision failed ({@link dev.migrate.errors.MigrationFailed}),
 * the revision graph cannot be used ({@link dev.migrate.errors.GraphException}), the run was
 * interrupted ({@link dev.migrate.errors.RunInterrupted}). Public and stable, unlike the engine
 * that throws them; each is a {@link dev.migrate.MigrateException} with the command's message.
 */
package dev.migrate.errors;
