package dev.migrate.schema;

/**
 * A view or a materialized view, as {@code create_view} writes it.
 *
 * @param name  possibly schema-qualified ({@code reports.totals}), like table names
 * @param query the SELECT, kept without surrounding white space or a final semicolon, which mean nothing
 */
public record View(String name, String query, boolean materialized) {
    public View {
        query = query.strip();
        while (query.endsWith(";")) query = query.substring(0, query.length() - 1).strip();
    }
}
