package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.AddCompressionPolicy;
import dev.migrate.ops.AddRetentionPolicy;
import dev.migrate.ops.CreateContinuousAggregate;
import dev.migrate.ops.CreateHypertable;
import dev.migrate.ops.DisableCompression;
import dev.migrate.ops.DropContinuousAggregate;
import dev.migrate.ops.EnableCompression;
import dev.migrate.ops.RefreshContinuousAggregate;
import dev.migrate.ops.RefreshPolicy;
import dev.migrate.ops.RemoveCompressionPolicy;
import dev.migrate.ops.RemoveRetentionPolicy;
import dev.migrate.ops.SetChunkTimeInterval;
import dev.migrate.ops.TimescaleOperation;
import dev.migrate.sql.Statement;

/**
 * The SQL of the TimescaleDB 2.x operations.
 *
 * <p>Each operation starts with a guard that fails with a message naming the operation, the file
 * and line, and how to install TimescaleDB when the extension is missing: without it, the user
 * would get PostgreSQL's "function create_hypertable does not exist".
 *
 * <p>create_hypertable is written in the named-argument form TimescaleDB has accepted since 1.0
 * ({@code time_column_name => ...}); it was deprecated in 2.13 in favour of the
 * {@code by_range()} dimension builder, but every 2.x release keeps it, whereas {@code by_range}
 * does not exist before 2.13. The version installed is only known at run time, so the form that
 * runs on both wins. Naming {@code time_column_name} also keeps PostgreSQL from matching the
 * newer overload.
 */
final class Timescale {
    private final PostgresDialect dialect;

    Timescale(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    List<Statement> render(TimescaleOperation op) {
        List<Statement> out = new ArrayList<>();
        out.add(new Statement(guard(op), op.line()));
        List<String> statements = statements(op);
        for (int i = 0; i < statements.size(); i++) {
            out.add(new Statement(statements.get(i), op.line(), i == 0 && runsAlone(op)));
        }
        return out;
    }

    /**
     * TimescaleDB refuses to fill a continuous aggregate inside a transaction block, both when it
     * is created WITH DATA and when it is refreshed; that is the operation's first statement.
     */
    private static boolean runsAlone(TimescaleOperation op) {
        if (op instanceof CreateContinuousAggregate o) return o.withData();
        return op instanceof RefreshContinuousAggregate;
    }

    String guard(TimescaleOperation op) {
        String message = op.origin() + ":" + op.line() + ": operation '" + op.kind() + "' needs the TimescaleDB"
                + " extension, which is not installed in this database. Install TimescaleDB on the server, add it to"
                + " postgresql.conf (shared_preload_libraries = 'timescaledb') and restart PostgreSQL, then run"
                + " CREATE EXTENSION timescaledb in this database, or add '- create_extension: {name: timescaledb}'"
                + " before this operation";
        return DoBlock.of("BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN\n"
                + "        RAISE EXCEPTION '" + DoBlock.raiseText(message) + "';\n    END IF;\nEND");
    }

    private List<String> statements(TimescaleOperation op) {
        if (op instanceof CreateHypertable o) return List.of(createHypertable(o));
        if (op instanceof SetChunkTimeInterval o) {
            return List.of("SELECT set_chunk_time_interval(" + regclass(o.table()) + ", " + interval(o.interval()) + ")");
        }
        if (op instanceof EnableCompression o) return List.of(enableCompression(o));
        if (op instanceof DisableCompression o) {
            return List.of("ALTER TABLE " + dialect.table(o.table()) + " SET (timescaledb.compress = false)");
        }
        if (op instanceof AddCompressionPolicy o) {
            return List.of(call("add_compression_policy", o.table(), interval(o.compressAfter()),
                    o.ifNotExists() ? "if_not_exists => TRUE" : null));
        }
        if (op instanceof RemoveCompressionPolicy o) {
            return List.of(call("remove_compression_policy", o.table(), o.ifExists() ? "if_exists => TRUE" : null));
        }
        if (op instanceof AddRetentionPolicy o) {
            return List.of(call("add_retention_policy", o.table(), interval(o.dropAfter()),
                    o.ifNotExists() ? "if_not_exists => TRUE" : null));
        }
        if (op instanceof RemoveRetentionPolicy o) {
            return List.of(call("remove_retention_policy", o.table(), o.ifExists() ? "if_exists => TRUE" : null));
        }
        if (op instanceof CreateContinuousAggregate o) return createContinuousAggregate(o);
        if (op instanceof DropContinuousAggregate o) {
            return List.of("DROP MATERIALIZED VIEW " + (o.ifExists() ? "IF EXISTS " : "") + dialect.table(o.name()));
        }
        RefreshContinuousAggregate o = (RefreshContinuousAggregate) op;
        return List.of("CALL refresh_continuous_aggregate(" + regclass(o.name()) + ", " + point(o.windowStart()) + ", "
                + point(o.windowEnd()) + ")");
    }

    private String createHypertable(CreateHypertable op) {
        List<String> args = new ArrayList<>();
        args.add(regclass(op.table()));
        args.add("time_column_name => " + dialect.literal(op.timeColumn()));
        if (op.partitioningColumn() != null) {
            args.add("partitioning_column => " + dialect.literal(op.partitioningColumn()));
            args.add("number_partitions => " + op.numberPartitions());
        }
        if (op.chunkTimeInterval() != null) args.add("chunk_time_interval => " + interval(op.chunkTimeInterval()));
        if (op.createDefaultIndexes() != null) {
            args.add("create_default_indexes => " + dialect.literal(op.createDefaultIndexes()));
        }
        if (op.ifNotExists()) args.add("if_not_exists => TRUE");
        if (op.migrateData()) args.add("migrate_data => TRUE");
        return "SELECT create_hypertable(" + String.join(", ", args) + ")";
    }

    private String enableCompression(EnableCompression op) {
        List<String> options = new ArrayList<>();
        options.add("timescaledb.compress");
        if (!op.segmentBy().isEmpty()) {
            List<String> columns = new ArrayList<>();
            for (String c : op.segmentBy()) columns.add(dialect.quote(c));
            options.add("timescaledb.compress_segmentby = " + dialect.literal(String.join(", ", columns)));
        }
        if (!op.orderBy().isEmpty()) {
            options.add("timescaledb.compress_orderby = " + dialect.literal(String.join(", ", op.orderBy())));
        }
        return "ALTER TABLE " + dialect.table(op.table()) + " SET (" + String.join(", ", options) + ")";
    }

    private List<String> createContinuousAggregate(CreateContinuousAggregate op) {
        List<String> out = new ArrayList<>();
        out.add("CREATE MATERIALIZED VIEW " + dialect.table(op.name()) + " WITH (timescaledb.continuous) AS\n"
                + op.query() + "\n" + (op.withData() ? "WITH DATA" : "WITH NO DATA"));
        RefreshPolicy p = op.policy();
        if (p != null) {
            out.add(call("add_continuous_aggregate_policy", op.name(), "start_offset => " + interval(p.startOffset()),
                    "end_offset => " + interval(p.endOffset()), "schedule_interval => " + interval(p.scheduleInterval())));
        }
        return out;
    }

    /** {@code SELECT fn('relation', args...)}, leaving out null arguments. */
    private String call(String function, String relation, String... args) {
        List<String> all = new ArrayList<>();
        all.add(regclass(relation));
        for (String a : args) if (a != null) all.add(a);
        return "SELECT " + function + "(" + String.join(", ", all) + ")";
    }

    /** A relation name as the text a regclass argument reads, quoted as an identifier where needed. */
    private String regclass(String name) {
        return dialect.literal(dialect.table(name));
    }

    /**
     * A duration: a number as is (integer time columns), {@code sql(...)} verbatim, NULL for an
     * open end, and any other text as an INTERVAL, since TimescaleDB's "any" arguments need a type.
     */
    private String interval(Object value) {
        String verbatim = verbatim(value);
        return verbatim != null ? verbatim : "INTERVAL " + dialect.literal(value.toString());
    }

    /** A time point: text stays a literal that TimescaleDB casts to the time column's type. */
    private String point(Object value) {
        String verbatim = verbatim(value);
        return verbatim != null ? verbatim : dialect.literal(value.toString());
    }

    private String verbatim(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) return dialect.literal(value);
        String text = value.toString().strip();
        if (text.startsWith("sql(") && text.endsWith(")")) return text.substring(4, text.length() - 1).strip();
        return null;
    }
}
