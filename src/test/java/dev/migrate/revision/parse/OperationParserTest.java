package dev.migrate.revision.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Change;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.Source;
import dev.migrate.yaml.SourceException;
import dev.migrate.yaml.YamlReader;

class OperationParserTest {
    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    private static String error(String yaml) {
        return assertThrows(SourceException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void nullListIsEmpty() {
        assertEquals(List.of(), OperationParser.parse(YamlReader.read("", "v1.yaml")));
    }

    @Test
    void unknownOperationNamesFileLineAndTheKnownOperations() {
        UnknownOperation e = assertThrows(UnknownOperation.class, () -> parse("""
                - add_column: {table: t, column: {name: a, type: integer}}
                - add_colum: {table: t}
                """));
        assertEquals("v1.yaml:2: unknown operation 'add_colum' (expected one of: create_table, drop_table,"
                + " rename_table, create_table_comment, add_column, drop_column, alter_column, rename_column,"
                + " create_primary_key, create_unique_constraint, create_foreign_key, create_check_constraint,"
                + " validate_constraint, drop_constraint, create_index, drop_index, execute, bulk_insert, create_enum, drop_enum,"
                + " add_enum_value, rename_enum_value, replace_enum_values, create_extension, drop_extension,"
                + " create_view, drop_view, create_hypertable, set_chunk_time_interval, enable_compression,"
                + " disable_compression, add_compression_policy, remove_compression_policy, add_retention_policy,"
                + " remove_retention_policy, create_continuous_aggregate, drop_continuous_aggregate,"
                + " refresh_continuous_aggregate)", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void anItemMustBeAOneKeyMapping() {
        assertEquals("v1.yaml:1: an operation is a mapping with one key, the operation name (- add_column: {...})",
                error("- {drop_table: {table: a}, rename_table: {table: a, new_name: b}}"));
        assertEquals("v1.yaml:1: an operation is a mapping with one key, the operation name (- add_column: {...})",
                error("- drop_table"));
    }

    @Test
    void aLintFieldChangesNothingButMustBeWellFormed() {
        assertEquals(parse("- create_index: {name: ix, table: t, columns: [a]}\n"),
                parse("- create_index: {name: ix, table: t, columns: [a], lint: {ignore: [index-concurrently], reason: small}}\n"));
        assertEquals(parse("- drop_table: {table: t}\n"), parse("- drop_table: {table: t, lint: {ignore: [drop-table], reason: gone}}\n"));
        assertEquals(parse("- execute: {postgresql: VACUUM FULL t}\n").get(0).kind(),
                parse("- execute: {postgresql: VACUUM FULL t, lint: {ignore: [vacuum-full], reason: quiet}}\n").get(0).kind());
        assertEquals("v1.yaml:1: operation 'drop_table': lint needs 'reason', why the rules may be ignored",
                error("- drop_table: {table: t, lint: {ignore: [drop-table]}}\n"));
        assertTrue(error("- drop_table: {table: t, lint: {ignre: [drop-table], reason: x}}\n").contains("'ignre'"));
    }

    @Test
    void unknownFieldIsNamedWithItsLine() {
        assertEquals("v1.yaml:3: unknown field 'tabel' in operation 'add_column' (expected one of: table, column,"
                + " dialect, lint)", error("""
                - add_column:
                    table: t
                    tabel: t
                """));
        assertEquals("v1.yaml:4: unknown field 'nulable' in column (expected one of: name, type, nullable,"
                + " server_default, primary_key, unique, comment, references, on_delete, on_update, values)", error("""
                - create_table:
                    table: t
                    columns:
                      - {name: a, type: integer, nulable: false}
                """));
        assertEquals("v1.yaml:1: unknown field 'mysql' in operation 'execute' (expected one of: postgresql, sqlite, lint)",
                error("- execute: {mysql: SELECT 1}"));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertEquals("v1.yaml:2: operation 'add_column' needs field 'column'", error("""
                - drop_table: {table: a}
                - add_column: {table: t}
                """));
        assertEquals("v1.yaml:1: operation 'rename_table' needs field 'new_name'", error("- rename_table: {table: t}"));
        assertEquals("v1.yaml:3: column 'a' needs field 'type'", error("""
                - create_table:
                    table: t
                    columns: [{name: a}]
                """));
        assertEquals("v1.yaml:1: operation 'create_index' needs field 'columns' or 'expressions'",
                error("- create_index: {name: ix, table: t}"));
        assertEquals("v1.yaml:1: operation 'create_foreign_key' needs field 'ref_table'",
                error("- create_foreign_key: {table: t, name: fk, columns: [a], ref_columns: [id]}"));
        assertEquals("v1.yaml:1: operation 'validate_constraint' needs field 'name'",
                error("- validate_constraint: {table: t}"));
        assertEquals("v1.yaml:1: operation 'execute' needs the SQL to run", error("- execute:"));
    }

    @Test
    void unknownTypeInAColumnNamesItsLine() {
        String message = error("""
                - add_column:
                    table: t
                    column:
                      name: a
                      type: varchar(5)
                """);
        assertTrue(message.startsWith("v1.yaml:5: unknown column type 'varchar(5)' (expected one of: uuid,"), message);
    }

    @Test
    void invalidValuesAreExplained() {
        assertEquals("v1.yaml:1: unknown referential action 'explode' (expected one of: cascade, restrict, set null,"
                + " set default, no action)", error("- add_column: {table: t, column: {name: a, type: integer,"
                + " references: u.id, on_delete: explode}}"));
        assertEquals("v1.yaml:1: references must be written table.column, found 'users'",
                error("- add_column: {table: t, column: {name: a, type: integer, references: users}}"));
        assertEquals("v1.yaml:1: unknown index method 'hashish' (expected one of: btree, gin, gist, brin, hash)",
                error("- create_index: {name: ix, table: t, columns: [a], using: hashish}"));
        assertEquals("v1.yaml:1: unknown constraint type 'fk' (expected one of: primary_key, unique, foreign_key,"
                + " check)", error("- drop_constraint: {table: t, name: x, type: fk}"));
        assertEquals("v1.yaml:1: operation 'alter_column' changes nothing: give type, nullable, server_default,"
                + " comment or new_name", error("- alter_column: {table: t, column: a}"));
        assertEquals("v1.yaml:1: operation 'alter_column': values needs type",
                error("- alter_column: {table: t, column: a, values: [x]}"));
        assertEquals("v1.yaml:1: column 'a': values belong to an enum(NAME) column, not to text",
                error("- alter_column: {table: t, column: a, type: text, values: [x]}"));
        assertEquals("v1.yaml:1: operation 'create_foreign_key': columns and ref_columns must have the same length",
                error("- create_foreign_key: {table: t, name: fk, columns: [a, b], ref_table: u, ref_columns: [id]}"));
        assertEquals("v1.yaml:5: table 't' declares its primary key twice: on column 'a' and in primary_key",
                error("""
                - create_table:
                    table: t
                    columns:
                      - {name: a, type: integer, primary_key: true}
                    primary_key: [a]
                """));
    }

    @Test
    void columnDefaultsAndShapes() {
        AddColumn op = (AddColumn) parse("""
                - add_column:
                    table: t
                    column: {name: a, type: integer, server_default: 7, unique: true, comment: c,
                             references: app.users.id, on_delete: set null}
                """).get(0);
        Column c = op.column();
        assertTrue(c.nullable());
        assertEquals(ServerDefault.literal(7L), c.serverDefault());
        assertEquals(new ForeignKey(null, List.of("a"), "app.users", List.of("id"), "SET NULL", null, false, false),
                c.references());
        assertEquals(new Source("v1.yaml", 1), op.at());
        assertEquals("add_column", op.kind());
        Column pk = ((AddColumn) parse("- add_column: {table: t, column: {name: id, type: integer, primary_key: true}}")
                .get(0)).column();
        assertEquals(false, pk.nullable());
    }

    @Test
    void serverDefaults() {
        List<Operation> ops = parse("""
                - alter_column: {table: t, column: a, server_default: now()}
                - alter_column: {table: t, column: a, server_default: uuid()}
                - alter_column: {table: t, column: a, server_default: "sql(1 + 1)"}
                - alter_column: {table: t, column: a, server_default: '0'}
                - alter_column: {table: t, column: a, server_default: 1.5}
                - alter_column: {table: t, column: a, server_default: false}
                - alter_column: {table: t, column: a, server_default: null}
                """);
        assertEquals(ServerDefault.NOW, ((AlterColumn) ops.get(0)).serverDefault().value());
        assertEquals(ServerDefault.UUID, ((AlterColumn) ops.get(1)).serverDefault().value());
        assertEquals(ServerDefault.sql("1 + 1"), ((AlterColumn) ops.get(2)).serverDefault().value());
        assertEquals(ServerDefault.literal("0"), ((AlterColumn) ops.get(3)).serverDefault().value());
        assertEquals(ServerDefault.literal(new BigDecimal("1.5")), ((AlterColumn) ops.get(4)).serverDefault().value());
        assertEquals(ServerDefault.literal(false), ((AlterColumn) ops.get(5)).serverDefault().value());
        assertEquals(new Change<ServerDefault>(null), ((AlterColumn) ops.get(6)).serverDefault());
        assertNull(((AlterColumn) ops.get(6)).comment());
    }

    @Test
    void bulkInsertKnowsTypesFromEarlierOperationsAndDeclaredOnes() {
        List<Operation> ops = parse("""
                - create_table: {table: t, columns: [{name: a, type: jsonb}, {name: b, type: integer}]}
                - add_column: {table: t, column: {name: c, type: boolean}}
                - bulk_insert:
                    table: t
                    types: {b: bigint, d: text}
                    rows: [{a: {k: 1}, b: 2, c: true, d: x}]
                - bulk_insert: {table: other, rows: [{z: 1}]}
                """);
        BulkInsert insert = (BulkInsert) ops.get(2);
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(insert.types().keySet()));
        assertEquals("bigint", insert.types().get("b").toString());
        assertEquals(List.of(Map.of("a", Map.of("k", 1L), "b", 2L, "c", true, "d", "x")), insert.rows());
        assertEquals(Map.of(), ((BulkInsert) ops.get(3)).types());
    }

    @Test
    void dropsCarryADefinitionOnlyWhenGiven() {
        List<Operation> ops = parse("""
                - drop_table: {table: t}
                - drop_column: {table: t, column: a}
                - drop_constraint: {table: t, name: ck, type: check}
                - drop_index: {name: ix, table: t}
                - drop_constraint: {table: t, name: ck, type: check, expression: a > 0}
                """);
        assertNull(((DropTable) ops.get(0)).definition());
        assertNull(((DropColumn) ops.get(1)).definition());
        assertNull(((DropConstraint) ops.get(2)).definition());
        assertNull(((DropIndex) ops.get(3)).definition());
        assertEquals(new CheckConstraint("ck", "a > 0"), ((DropConstraint) ops.get(4)).definition());
        assertEquals("v1.yaml:1: operation 'drop_constraint': a constraint definition needs field 'type'",
                error("- drop_constraint: {table: t, name: u, columns: [a]}"));
    }
}
