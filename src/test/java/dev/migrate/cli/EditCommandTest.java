package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** The test JVM cannot set $EDITOR for the command, so the editor is given with --editor. */
@CliTest
class EditCommandTest {
    @TempDir
    Path tmp;

    private Project project;
    private Path file;

    @BeforeEach
    void setUp() {
        project = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        project.sql("a1", null, "SELECT 1;", "SELECT 1;");
        file = project.sql("b2", "a1", "SELECT 2;", "SELECT 2;");
    }

    @Test
    void opensTheRevisionFileInTheEditor(QuarkusMainLauncher launcher) throws Exception {
        Path editor = Files.writeString(tmp.resolve("editor.sh"), "#!/bin/sh\necho '-- edited' >> \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        ok(project.run(launcher, "edit", "head", "--editor", editor.toString()));
        assertTrue(Files.readString(file).endsWith("-- edited\n"), Files.readString(file));
    }

    @Test
    void editorArgumentsArePassedBeforeTheFile(QuarkusMainLauncher launcher) throws Exception {
        Path editor = Files.writeString(tmp.resolve("editor.sh"), "#!/bin/sh\necho \"-- $1\" >> \"$2\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        ok(project.run(launcher, "edit", "a1", "--editor", editor + " marker"));
        assertTrue(Files.readString(project.versions().resolve("a1_rev.sql")).endsWith("-- marker\n"));
    }

    @Test
    void aFailingOrMissingEditorIsReported(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "edit", "b2", "--editor", "false"), 1);
        assertTrue(err.contains("status 1"), err);
        err = fails(project.run(launcher, "edit", "b2", "--editor", tmp.resolve("no-such-editor").toString()), 1);
        assertTrue(err.contains("no-such-editor"), err);
    }

    @Test
    void anUnknownRevisionIsNamed(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "edit", "zz9", "--editor", "true"), 1);
        assertTrue(err.contains("zz9"), err);
    }

    @Test
    void withoutAnyEditorItSaysWhatToSet(QuarkusMainLauncher launcher) {
        Assumptions.assumeTrue(System.getenv("EDITOR") == null && System.getenv("VISUAL") == null);
        String err = fails(project.run(launcher, "edit", "b2"), 1);
        assertTrue(err.contains("$EDITOR"), err);
    }
}
