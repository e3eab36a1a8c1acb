package dev.migrate.alembic;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Every kind of Python with no migrate equivalent: quoted under {@code unconverted:} with its file
 * and line, reported (exit 3), and upgrade and downgrade refuse the revision, naming its file.
 */
@QuarkusMainTest
@Timeout(180)
class AlembicUnconvertedTest {
    /** The line of the revision file where each body below starts (see {@link #revision}). */
    private static final int UPGRADE_LINE = 14;

    @TempDir
    Path tmp;

    static Stream<Arguments> constructs() {
        return Stream.of(
                Arguments.of("an ORM session", "from sqlalchemy.orm import Session",
                        List.of("session = Session(bind=op.get_bind())", "session.add(User(name='root'))"),
                        "a name bound to Session(...)"),
                Arguments.of("a get_bind() data migration", "",
                        List.of("conn = op.get_bind()", "conn.execute(sa.text('UPDATE users SET name = lower(name)'))"),
                        "a name bound to op.get_bind(...)"),
                Arguments.of("a project import used in an op", "from myapp.types import Kind",
                        List.of("op.add_column('users', sa.Column('kind', Kind(), nullable=True))"),
                        "the column type Kind has no migrate equivalent"),
                Arguments.of("an f-string", "import os",
                        List.of("op.execute(f\"UPDATE users SET name = '{os.environ['NAME']}'\")"),
                        "f-string"),
                Arguments.of("SQL concatenated with a variable", "import os",
                        List.of("table = os.environ['TABLE']", "op.execute('DELETE FROM ' + table)"),
                        "a value computed at run time (a subscript)"),
                Arguments.of("an unknown op", "",
                        List.of("op.create_exclude_constraint('no_overlap', 'users', ('period', '&&'))"),
                        "op.create_exclude_constraint has no migrate operation"));
    }

    private static String revision(String imports, List<String> body) {
        List<String> lines = new ArrayList<>(List.of("\"\"\"hand work", "", "Revision ID: x1", "\"\"\"", "from alembic import op",
                "import sqlalchemy as sa", imports.isEmpty() ? "# no more imports" : imports, "", "revision = 'x1'",
                "down_revision = None", "", "", "def upgrade():"));
        for (String b : body) lines.add("    " + b);
        lines.addAll(List.of("    op.create_table('notes', sa.Column('id', sa.Integer(), primary_key=True))", "", "",
                "def downgrade():"));
        for (String b : body) lines.add("    " + b);
        lines.add("    op.drop_table('notes')");
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void isQuotedReportedAndRefused(String what, String imports, List<String> body, String reason, QuarkusMainLauncher launcher)
            throws IOException {
        Path project = tmp.resolve("alembic-project");
        Files.createDirectories(project.resolve("alembic/versions"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s/alembic\n");
        Files.writeString(project.resolve("alembic/versions/x1_hand_work.py"), revision(imports, body));
        Path out = tmp.resolve("imported");

        LaunchResult imported = launcher.launch("import-alembic", project.toString(), "--out", out.toString());
        assertEquals(3, imported.exitCode(), imported::getOutput);
        String where = "alembic/versions/x1_hand_work.py:" + UPGRADE_LINE + ": ";
        assertTrue(imported.getOutput().contains("x1  partly converted") && imported.getOutput().contains(where)
                && imported.getOutput().contains(reason), imported::getOutput);
        String yaml = Files.readString(out.resolve("migrations/versions/x1_hand_work.yaml"));
        assertTrue(yaml.contains("unconverted:") && yaml.contains(body.get(0).substring(0, 12)) && yaml.contains("create_table"),
                yaml);
        assertTrue(yaml.contains("line: " + UPGRADE_LINE) && yaml.contains("file: alembic/versions/x1_hand_work.py"), yaml);

        String url = "sqlite:///" + tmp.resolve("app.db").toAbsolutePath();
        String refused = fails(launcher.launch("-c", out.resolve("migrate.yaml").toString(), "--url", url, "upgrade", "head"), 1);
        assertTrue(refused.contains("x1_hand_work.yaml") && refused.contains("not converted"), refused);
        ok(launcher.launch("-c", out.resolve("migrate.yaml").toString(), "--url", url, "stamp", "x1"));
        refused = fails(launcher.launch("-c", out.resolve("migrate.yaml").toString(), "--url", url, "downgrade", "base"), 1);
        assertTrue(refused.contains("x1_hand_work.yaml") && refused.contains("downgrade"), refused);
    }
}
