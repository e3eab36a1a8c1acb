package dev.migrate.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.migrate.sql.SqlSplitter;
import dev.migrate.support.Fuzz;

/**
 * SQL revisions, mutated and generated: the header and section reader, the statement splitter
 * and the {@code ${x.key}} expansion must accept each file or refuse it with a clear error.
 */
class SqlRevisionFuzzTest {
    private static final List<String> TOKENS = List.of("'", "''", "E'", "\\'", "\"", "$$", "$tag$", "$1", "$", "--", "/*", "*/",
            ";", "\n", "\r\n", " ", "BEGIN", "END", "CASE", "begin transaction", "CREATE TRIGGER t AFTER INSERT ON x BEGIN ",
            "CREATE INDEX CONCURRENTLY i ON t (x)", "VACUUM", "-- migrate:upgrade\n", "-- migrate:downgrade\n",
            "-- migrate:upgrade sqlite\n", "-- migrate:downgrade postgres\n", "-- migrate:upgrade oracle\n", "-- migrate:\n",
            "-- migrate:upgrade a b\n", "-- revision: ", "-- down_revision: [a, b", "-- down_revision: ,\n",
            "-- branch_labels: ['x', \"y\"]\n", "-- transactional: maybe\n", "-- depends_on: \n", "-- revison: x\n", "${x.",
            "${x.k}", "${x.missing}", "${", "}", "\\", "\u0000", "\uFEFF", "\u00e9", "(", ")", "E'\\'", "U&'", "/* /* */");
    private static final List<String> STATEMENTS = List.of("SELECT 1", "CREATE TABLE t (id int, name text DEFAULT 'a;b')",
            "INSERT INTO t VALUES (1, E'it\\'s; fine')", "DO $$ BEGIN RAISE NOTICE 'x;'; END $$",
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
            "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET n = CASE WHEN n > 0 THEN 1 ELSE 0 END; END",
            "SELECT \"odd;name\" FROM t /* c; */ -- d;", "CREATE INDEX CONCURRENTLY i ON t (x)", "VACUUM",
            "UPDATE t SET v = '${x.k}'", "SELECT $1", "BEGIN", "COMMIT");

    private static final Path FILE = Path.of("fuzz.sql");

    private static final String SAMPLE = "-- revision: a1\n-- down_revision: [b2, 'c3']\n-- branch_labels: x\n-- message: m\n"
            + "-- transactional: false\n\n-- migrate:upgrade\nCREATE TABLE t (id int, name text DEFAULT 'a;b');\n"
            + "DO $$ BEGIN RAISE NOTICE 'x;'; END $$;\n-- migrate:upgrade sqlite\n"
            + "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET n = 1; END;\n"
            + "-- migrate:downgrade\nUPDATE t SET v = '${x.k}'; /* nested /* comment */ */ DROP TABLE t;\n";

    private static List<String> corpus() {
        try {
            return List.of(SAMPLE, Files.readString(Path.of("migrations/versions/d4e5f6a7b8c9_dataset_description.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the text as a revision file and asks for every dialect's statements both ways, as running and {@code show} do. */
    private void load(String text) {
        // The readers RevisionScript.load hands the normalised text to; no file needed.
        EveryDialect.render(SqlRevisionReader.read(FILE, Checksum.normalise(text), "fuzz", Map.of("k", "v")));
    }

    @Test
    void mutatedRevisionFiles() {
        List<String> corpus = corpus();
        Fuzz.check(7L, 4000, r -> Fuzz.mutate(r, Fuzz.pick(r, corpus), TOKENS), this::load);
    }

    @Test
    void generatedSections() {
        Fuzz.check(11L, 3000, SqlRevisionFuzzTest::generated, this::load);
    }

    @Test
    void statementsFromTokens() {
        Fuzz.check(13L, 5000, r -> {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) s.append(Fuzz.pick(r, r.nextBoolean() ? TOKENS : STATEMENTS));
            return s.toString();
        }, text -> SqlSplitter.split(text, "fuzz.sql", 1));
    }

    /** A header and sections of statements glued from pieces, now and then with a stray token. */
    private static String generated(Random r) {
        List<String> lines = new ArrayList<>(List.of("-- revision: a1", "-- down_revision: null"));
        if (r.nextBoolean()) lines.add("-- message: " + Fuzz.pick(r, TOKENS));
        for (int s = 1 + r.nextInt(3); s > 0; s--) {
            lines.add("-- migrate:" + (r.nextInt(3) == 0 ? "downgrade" : "upgrade") + Fuzz.pick(r, List.of("", " postgresql", " sqlite")));
            for (int i = r.nextInt(4); i > 0; i--) {
                String st = Fuzz.pick(r, STATEMENTS);
                if (r.nextInt(4) == 0) st = Fuzz.mutate(r, st, TOKENS);
                lines.add(st + Fuzz.pick(r, List.of(";", ";", "", " ;\n")));
            }
        }
        return String.join(r.nextInt(5) == 0 ? "\r\n" : "\n", lines) + "\n";
    }
}
