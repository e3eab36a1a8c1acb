package dev.migrate.engine.plan;

/** What {@code stamp} runs: the version table created unless it exists, then one transaction of row changes. */
public record StampPlan(boolean createsVersionTable, Transaction transaction) {
}
