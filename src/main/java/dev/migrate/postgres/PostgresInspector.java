package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.engine.Database;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspection;
import dev.migrate.inspect.Inspector;
import dev.migrate.inspect.SqlText;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType.Kind;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.schema.EnumType;
import dev.migrate.schema.Extension;
import dev.migrate.schema.Hypertable;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SqlTypes;
import dev.migrate.schema.Table;
import dev.migrate.schema.View;
import io.smallrye.mutiny.Uni;

/**
 * Reads a PostgreSQL database with the queries of {@link PostgresCatalog} (eight, plus one for
 * TimescaleDB when it is installed) and turns the rows into a {@link Schema}. Objects of the
 * session's current schema are named without a schema, the others as {@code schema.name}, which is
 * how operations name them.
 */
public final class PostgresInspector implements Inspector {
    private static final Set<String> INDEX_METHODS = Set.of("btree", "gin", "gist", "brin", "hash");

    private final InspectOptions options;
    private final PostgresCatalog catalog;

    public PostgresInspector(InspectOptions options) {
        this.options = options;
        this.catalog = new PostgresCatalog(options);
    }

    @Override
    public Uni<Inspection> inspect(Database db) {
        List<String> queries = List.of(catalog.session(), catalog.extensions(), catalog.enums(), catalog.tables(),
                catalog.columns(), catalog.constraints(), catalog.indexes(), catalog.views());
        Uni<List<List<List<String>>>> chain = Uni.createFrom().item(new ArrayList<>());
        for (String sql : queries) {
            chain = chain.flatMap(results -> db.query(sql).map(rows -> {
                results.add(rows);
                return results;
            }));
        }
        return chain.flatMap(results -> {
            boolean timescale = results.get(1).stream().anyMatch(r -> r.get(0).equals("timescaledb"));
            Uni<List<List<String>>> hypertables = timescale ? db.query(TimescaleCatalog.QUERY)
                    : Uni.createFrom().item(List.of());
            return hypertables.map(rows -> new Build(results, rows).inspection());
        });
    }

    /** One inspection's rows on their way to a schema. */
    private final class Build {
        private final String current;
        private final List<List<List<String>>> results;
        private final List<List<String>> timescaleRows;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> tableNames = new LinkedHashMap<>();
        private final Map<String, TableParts> parts = new LinkedHashMap<>();

        Build(List<List<List<String>>> results, List<List<String>> timescaleRows) {
            this.results = results;
            this.timescaleRows = timescaleRows;
            this.current = results.get(0).get(0).get(0);
        }

        /** A name as operations write it: bare in the current schema, else qualified. */
        String name(String schema, String name) {
            return schema == null || schema.equals(current) ? name : schema + "." + name;
        }

        Inspection inspection() {
            List<Extension> extensions = new ArrayList<>();
            for (List<String> r : results.get(1)) {
                extensions.add(new Extension(r.get(0), r.get(1).equals(current) ? null : r.get(1), r.get(2)));
            }
            List<EnumType> enums = new ArrayList<>();
            for (List<String> r : results.get(2)) {
                enums.add(new EnumType(r.get(1), r.get(0).equals(current) ? null : r.get(0), PgArray.parse(r.get(2))));
            }
            for (List<String> r : results.get(3)) {
                String name = name(r.get(1), r.get(2));
                tableNames.put(r.get(0), name);
                parts.put(r.get(0), new TableParts(name, r.get(3)));
            }
            // A table created or dropped between two queries may show in one and not the other: skip its rows
            for (List<String> r : results.get(4)) {
                if (parts.containsKey(r.get(0))) parts.get(r.get(0)).columns.add(column(r));
            }
            for (List<String> r : results.get(5)) {
                if (parts.containsKey(r.get(0))) constraint(parts.get(r.get(0)), r);
            }
            for (List<String> r : results.get(6)) {
                if (parts.containsKey(r.get(0))) index(parts.get(r.get(0)), r);
            }
            List<Table> tables = new ArrayList<>();
            for (TableParts p : parts.values()) tables.add(p.table());
            TimescaleCatalog.Result timescale = TimescaleCatalog.read(timescaleRows,
                    (schema, table) -> options.schemas().contains(schema) ? name(schema, table) : null);
            List<Hypertable> hypertables = new ArrayList<>();
            for (Hypertable h : timescale.hypertables()) {
                if (tableNames.containsValue(h.table())) hypertables.add(h);
            }
            List<View> views = new ArrayList<>();
            for (List<String> r : results.get(7)) {
                String name = name(r.get(0), r.get(1));
                if (timescale.continuousAggregates().contains(name)) continue;
                views.add(new View(name, viewQuery(r.get(3)), r.get(2).equals("m")));
            }
            return new Inspection(Schema.of(extensions, enums, tables, views, hypertables), warnings);
        }

        private Column column(List<String> r) {
            String formatted = r.get(2);
            ColumnType type;
            if ("e".equals(r.get(3))) {
                type = new ColumnType(Kind.ENUM, null, null, null, null, name(r.get(4), r.get(5)));
            } else if ("e".equals(r.get(6))) {
                type = new ColumnType(Kind.ARRAY, null, null, null,
                        new ColumnType(Kind.ENUM, null, null, null, null, name(r.get(7), r.get(8))), null);
            } else {
                type = SqlTypes.portable(formatted);
            }
            String expression = r.get(10);
            String identity = r.get(11);
            ServerDefault dflt;
            if ("d".equals(identity) || "a".equals(identity)) {
                type = identity(type, formatted, identity.equals("a"));
                dflt = null;
            } else if ("s".equals(r.get(12))) {
                // A generated column's expression is part of its definition, which only sql(...) can carry
                type = sql(formatted + " GENERATED ALWAYS AS " + SqlText.parenthesized(expression) + " STORED");
                dflt = null;
            } else if ("true".equals(r.get(14)) && expression != null && expression.startsWith("nextval(")
                    && (type.kind() == Kind.INTEGER || type.kind() == Kind.BIGINT)) {
                // A serial column numbers its rows as an identity column does: the same column in a schema
                type = ColumnType.of(type.kind() == Kind.INTEGER ? Kind.IDENTITY : Kind.BIGIDENTITY);
                dflt = null;
            } else {
                dflt = PostgresDefaults.of(expression, type);
            }
            boolean nullable = !"true".equals(r.get(9)) && !type.isIdentity();
            return new Column(r.get(1), type, nullable, dflt, false, false, r.get(13), null);
        }

        /** GENERATED BY DEFAULT on integer and bigint is the portable identity; anything else keeps its SQL. */
        private ColumnType identity(ColumnType type, String formatted, boolean always) {
            if (!always && type.kind() == Kind.INTEGER) return ColumnType.of(Kind.IDENTITY);
            if (!always && type.kind() == Kind.BIGINT) return ColumnType.of(Kind.BIGIDENTITY);
            return sql(formatted + " GENERATED " + (always ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY");
        }

        private void constraint(TableParts t, List<String> r) {
            String name = r.get(1);
            List<String> columns = PgArray.parse(r.get(3));
            switch (r.get(2)) {
                case "p":
                    t.primaryKey = new PrimaryKey(name, columns);
                    break;
                case "u":
                    t.uniques.add(new UniqueConstraint(name, columns));
                    break;
                case "f":
                    t.foreignKeys.add(new ForeignKey(name, columns, name(r.get(4), r.get(5)), PgArray.parse(r.get(6)),
                            action(r.get(7)), action(r.get(8)), "true".equals(r.get(9)), "true".equals(r.get(10))));
                    break;
                case "c":
                    t.checks.add(new CheckConstraint(name, checkExpression(r.get(11))));
                    break;
                default:
                    warnings.add("table " + t.name + ": exclusion constraint " + name + " is not part of the schema ("
                            + r.get(11) + ")");
            }
        }

        private void index(TableParts t, List<String> r) {
            String name = r.get(1);
            String method = r.get(3);
            if (!INDEX_METHODS.contains(method)) {
                warnings.add("table " + t.name + ": index " + name + " uses method " + method
                        + ", which create_index cannot write; it is left out");
                return;
            }
            int keys = Integer.parseInt(r.get(4));
            List<String> names = PgArray.parse(r.get(5));
            List<String> definitions = PgArray.parse(r.get(6));
            String[] sortOptions = r.get(7).isBlank() ? new String[0] : r.get(7).strip().split("\\s+");
            List<String> defaultClasses = PgArray.parse(r.get(8));
            List<String> columns = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                boolean adorned = !"0".equals(k < sortOptions.length ? sortOptions[k] : "0")
                        || !"t".equals(k < defaultClasses.size() ? defaultClasses.get(k) : "t");
                if (adorned) {
                    warnings.add("table " + t.name + ": index " + name + ": the sort order or operator class of key "
                            + definitions.get(k) + " is not kept (create_index cannot write it)");
                }
                // Keys keep their order: after the first expression, columns are written as expressions too
                if (names.get(k) != null && expressions.isEmpty()) columns.add(names.get(k));
                else expressions.add(definitions.get(k));
            }
            List<String> include = new ArrayList<>(names.subList(keys, names.size()));
            t.indexes.add(new Index(name, t.name, columns, expressions, "true".equals(r.get(2)), r.get(9),
                    method.equals("btree") ? null : method, include));
        }
    }

    /** A table's rows gathered from the queries. */
    private static final class TableParts {
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableParts(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        Table table() {
            return Table.of(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment);
        }
    }

    private static ColumnType sql(String text) {
        return new ColumnType(Kind.SQL, null, null, null, null, text);
    }

    /** pg_constraint's action letter as the SQL a file writes; NO ACTION, the default, is null. */
    private static String action(String letter) {
        switch (letter == null ? "a" : letter) {
            case "r": return "RESTRICT";
            case "c": return "CASCADE";
            case "n": return "SET NULL";
            case "d": return "SET DEFAULT";
            default: return null;
        }
    }

    /** {@code CHECK ((price > 0)) NOT VALID} gives {@code price > 0}. */
    static String checkExpression(String definition) {
        String d = definition.strip();
        for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
            if (d.endsWith(suffix)) d = d.substring(0, d.length() - suffix.length());
        }
        if (d.startsWith("CHECK ")) d = d.substring(6);
        return SqlText.unwrap(d);
    }

    /** pg_get_viewdef's text without its indentation and final semicolon. */
    static String viewQuery(String text) {
        String q = text.strip();
        while (q.endsWith(";")) q = q.substring(0, q.length() - 1).strip();
        return q;
    }
}
