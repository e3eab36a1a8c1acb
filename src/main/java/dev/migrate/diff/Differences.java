package dev.migrate.diff;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.Json;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.Change;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.Operation;
import dev.migrate.ops.ServerDefault;
import dev.migrate.revision.OperationYaml;
import dev.migrate.schema.SchemaWriter;

/** One line per difference, for {@code check}: the operation that would fix it and what it is about. */
public final class Differences {
    private Differences() {
    }

    public static List<String> of(Diff diff) {
        List<String> out = new ArrayList<>();
        for (Operation op : diff.upgrade()) out.add(op.kind() + " " + subject(op));
        out.addAll(diff.notes());
        return out;
    }

    /** A default as schema.yaml writes it, {@code none} when there is none, strings quoted so that {@code ''} shows. */
    private static String shown(Change<ServerDefault> change) {
        if (change == null || change.value() == null) return "none";
        Object value = SchemaWriter.serverDefault(change.value());
        return change.value().kind() == ServerDefault.Kind.LITERAL && value instanceof String s ? Json.write(s) : String.valueOf(value);
    }

    private static String subject(Operation op) {
        if (op instanceof CreateTable o) return o.table().name();
        if (op instanceof DropTable o) return o.table();
        if (op instanceof AddColumn o) return o.table() + "." + o.column().name();
        if (op instanceof DropColumn o) return o.table() + "." + o.column();
        if (op instanceof AlterColumn o) {
            List<String> what = new ArrayList<>();
            if (o.type() != null) what.add("type " + o.existingType() + " -> " + o.type());
            if (o.nullable() != null) what.add(o.nullable() ? "nullable" : "not null");
            if (o.serverDefault() != null) {
                what.add("server_default " + shown(o.existingServerDefault()) + " -> " + shown(o.serverDefault()));
            }
            if (o.comment() != null) what.add("comment");
            return o.table() + "." + o.column() + " (" + String.join(", ", what) + ")";
        }
        if (op instanceof CreateTableComment o) return o.table();
        if (op instanceof CreatePrimaryKey o) return o.table() + " " + o.key().name();
        if (op instanceof CreateUniqueConstraint o) return o.table() + " " + o.constraint().name();
        if (op instanceof CreateForeignKey o) return o.table() + " " + o.key().name();
        if (op instanceof CreateCheckConstraint o) return o.table() + " " + o.check().name();
        if (op instanceof DropConstraint o) return o.table() + " " + o.name();
        if (op instanceof CreateIndex o) return o.index().table() + " " + o.index().name();
        if (op instanceof DropIndex o) return (o.table() == null ? "" : o.table() + " ") + o.name();
        if (op instanceof EnumOperation o) return o.qualifiedName();
        return OperationYaml.write(List.of(op)).strip().replaceFirst("^- [a-z_]+: ", "");
    }
}
