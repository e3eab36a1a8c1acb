package dev.migrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.UniqueConstraint;

class SchemaWriterTest {
    private static Column column(String name, String type, boolean nullable, ServerDefault dflt) {
        return new Column(name, SqlTypes.portable(type), nullable, dflt, false, false, null, null);
    }

    private static Column column(String name, ColumnType type, boolean nullable, ServerDefault dflt, String comment) {
        return new Column(name, type, nullable, dflt, false, false, comment, null);
    }

    /** Values that read back as something else when written plain, text over several lines, and every field. */
    private static Schema awkward() {
        Table accounts = Table.of("accounts", List.of(
                column("id", ColumnType.of(ColumnType.Kind.IDENTITY), false, null, "the key: never reused"),
                column("code", "varchar(10)", false, ServerDefault.literal("007")),
                column("flag", "text", true, ServerDefault.literal("true")),
                column("nothing", "text", true, ServerDefault.literal("null")),
                column("yes", "text", true, ServerDefault.literal("yes")),
                column("negative", "integer", true, ServerDefault.literal(-1L)),
                column("ratio", "numeric(4,3)", true, ServerDefault.literal(new BigDecimal("0.500"))),
                column("big", "double precision", true, ServerDefault.literal(new BigDecimal("1E+10"))),
                column("on", "boolean", true, ServerDefault.literal(Boolean.FALSE)),
                column("quote", "text", true, ServerDefault.literal("it's \"quoted\", {braced}: #1")),
                column("lines", "text", true, ServerDefault.literal("a\nb\r\n")),
                column("tags", "text[]", true, ServerDefault.literal(List.of("a", 1L))),
                column("meta", "jsonb", true, ServerDefault.sql("'{}'::jsonb || '{\"a\": 1}'")),
                column("made", "timestamptz", false, ServerDefault.NOW),
                column("uid", "uuid", false, ServerDefault.UUID),
                column("mood", new ColumnType(ColumnType.Kind.ENUM, null, null, null, null, "mood", List.of("ok", "not ok")),
                        true, null, null)),
                new PrimaryKey("accounts_pkey", List.of("id")),
                List.of(new UniqueConstraint(null, List.of("code")), new UniqueConstraint("uq_flag", List.of("flag", "code"))),
                List.of(new ForeignKey("fk_self", List.of("negative"), "accounts", List.of("id"), "SET NULL", "CASCADE", true, true)),
                List.of(new CheckConstraint("ck", "negative < 0 OR code <> '-'")),
                List.of(new Index("ix_lower", "accounts", List.of("code"), List.of("lower(flag)", "coalesce(quote, '')"), true,
                        "negative > 0", "gin", List.of("ratio"))),
                "Accounts\nsecond line");
        return Schema.of(List.of(new Extension("citext", null, "1.6")),
                List.of(new EnumType("level", "audit", List.of("low", "high"))),
                List.of(accounts),
                List.of(new View("recent", "SELECT id\n  FROM accounts\n WHERE made > now() - interval '1 day'", false),
                        new View("totals", "  SELECT count(*) FROM accounts  ", true)),
                List.of(new Hypertable("accounts", "made", "7 days", "negative", 2,
                        new Compression(List.of("code"), List.of("made DESC", "id"), "30 days"), 365L)));
    }

    @Test
    void writingThenReadingGivesTheSameSchema() {
        Schema schema = awkward();
        String yaml = SchemaWriter.yaml(schema);
        assertEquals(schema, SchemaReader.read(yaml, "schema.yaml"), yaml);
        assertEquals(yaml, SchemaWriter.yaml(SchemaReader.read(yaml, "schema.yaml")));
    }

    @Test
    void outputIsSortedAndShapedLikeAHandWrittenFile() {
        Table b = Table.of("b", List.of(column("id", "integer", false, null)), new PrimaryKey(null, List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null);
        Table a = Table.of("a", List.of(column("id", ColumnType.of(ColumnType.Kind.IDENTITY), false, null, null),
                column("b_id", "integer", true, ServerDefault.literal(0L))), null, List.of(),
                List.of(new ForeignKey("a_b", List.of("b_id"), "b", List.of("id"), null, null, false, false)),
                List.of(), List.of(new Index("a_b_idx", "a", List.of("b_id"), List.of(), false, null, null, List.of())), "first");
        Schema s = Schema.of(List.of(), List.of(new EnumType("mood", null, List.of("happy", "sad"))), List.of(b, a),
                List.of(new View("v", "SELECT 1\nFROM a", false)), List.of());
        assertEquals("""
                enums:
                  - {name: mood, values: [happy, sad]}
                tables:
                  - table: a
                    comment: first
                    columns:
                      - {name: id, type: identity}
                      - {name: b_id, type: integer, server_default: 0}
                    foreign_keys:
                      - {name: a_b, columns: [b_id], ref_table: b, ref_columns: [id]}
                    indexes:
                      - {name: a_b_idx, columns: [b_id]}
                  - table: b
                    columns:
                      - {name: id, type: integer, nullable: false}
                    primary_key: {columns: [id]}
                views:
                  - name: v
                    query: |-
                      SELECT 1
                      FROM a
                """, SchemaWriter.yaml(s));
    }

    @Test
    void anEmptySchemaIsAnEmptyMapping() {
        assertEquals("{}\n", SchemaWriter.yaml(Schema.EMPTY));
        assertEquals(Schema.EMPTY, SchemaReader.read("{}\n", "schema.yaml"));
    }
}
