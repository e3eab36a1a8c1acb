package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.diff.ColumnComparison;
import dev.migrate.diff.Diff;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.graph.RevisionMap;
import dev.migrate.inspect.InspectOptions;
import dev.migrate.inspect.Inspection;
import dev.migrate.inspect.Inspector;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;

/**
 * What {@code revision --autogenerate} and {@code check} share: read the target schema, require
 * the database at head (a comparison with a database behind would write again what a pending
 * revision already does), inspect it and compare.
 */
final class Autogenerate {
    private Autogenerate() {
    }

    static Diff compare(Workspace ws) {
        Config c = ws.config();
        Path file = c.targetSchema();
        if (file == null || !Files.isRegularFile(file)) {
            throw new MigrateException("the target schema " + file + " does not exist: write it (migrate inspect prints "
                    + "the database's schema in that form) or point the target_schema setting at it");
        }
        Schema target = SchemaReader.read(file);
        List<String> own = new ArrayList<>();
        own.add(c.versionTable());
        if (c.historyTable() != null) own.add(c.historyTable());
        InspectOptions options = new InspectOptions(c.includeSchemas(), c.versionTableSchema(), own);
        RevisionMap graph = ws.graph();
        record Found(List<String> current, Inspection inspection) {
        }
        Found found = ws.withDatabase(db -> ws.versionTable().heads(db)
                .flatMap(heads -> Inspector.of(db, options).inspect(db).map(i -> new Found(heads, i))));
        if (!graph.atHeads(found.current())) {
            throw new MigrateException("Target database is not up to date: it is at "
                    + (found.current().isEmpty() ? "<base>" : String.join(", ", found.current())) + ", the heads are "
                    + String.join(", ", graph.heads()) + "; run 'migrate upgrade head' first, so the comparison does not "
                    + "repeat what a pending revision does");
        }
        for (String warning : found.inspection().warnings()) ws.log("warning: " + warning);
        return SchemaDiff.compare(found.inspection().schema(), target,
                new ColumnComparison(ws.dialect(), c.compareType(), c.compareServerDefault()));
    }
}
