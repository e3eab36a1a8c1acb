package dev.migrate.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.ops.Operation;
import dev.migrate.postgres.PostgresDialect;
import dev.migrate.revision.Format;
import dev.migrate.revision.RevisionScript;
import dev.migrate.revision.SqlBody;
import dev.migrate.revision.YamlBody;
import dev.migrate.sql.Statement;

/**
 * {@code migrate lint}: walks the revisions from the first, learning the schema, and reports on the
 * upgrade of those asked for what it would do to a busy PostgreSQL. Needs no database; given
 * {@link TableSizes}, a change to a table that is empty is let pass.
 */
public final class Linter {
    /** Lint is about PostgreSQL (README, "Lint: safe migrations on a busy PostgreSQL"): the statements it reads are the ones PostgreSQL runs. */
    private static final String DIALECT = PostgresDialect.INSTANCE.name();

    private final LintSettings settings;
    private final TableSizes sizes;
    private final Path workDir;

    /** {@code workDir}: files under it are shown relative to it, as CI annotations need. */
    public Linter(LintSettings settings, TableSizes sizes, Path workDir) {
        this.settings = settings;
        this.sizes = sizes;
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * Lints {@code ordered} (oldest first, each after its down revisions), reporting only the
     * revisions in {@code linted}; the others are read only to learn the schema.
     */
    public LintResult lint(List<RevisionScript> ordered, Set<String> linted) {
        KnownSchema schema = new KnownSchema();
        List<Finding> findings = new ArrayList<>();
        int count = 0;
        for (RevisionScript script : ordered) {
            boolean reported = linted.contains(script.id());
            if (reported) count++;
            findings.addAll(lintOne(script, schema, reported));
        }
        return new LintResult(findings, count);
    }

    private List<Finding> lintOne(RevisionScript script, KnownSchema schema, boolean reported) {
        String origin = script.file().toString();
        String file = display(script.file());
        if (script.format() == Format.YAML) {
            List<Operation> ops = ((YamlBody) script.body()).upgradeOperations();
            Map<Integer, Suppression> suppressions = reported ? Suppressions.ofYaml(text(script), origin) : Map.of();
            RevisionLint lint = new RevisionLint(script, file, schema, sizes, settings, suppressions, reported);
            OperationRules rules = new OperationRules(lint);
            for (Operation op : ops) rules.check(op);
            return lint.finish();
        }
        List<Statement> statements = new ArrayList<>();
        for (SqlBody.Section s : ((SqlBody) script.body()).sections()) {
            if (s.upgrade() && (s.dialect() == null || s.dialect().equals(DIALECT))) statements.addAll(s.statements());
        }
        Map<Integer, Suppression> suppressions = reported
                ? Suppressions.ofSql(text(script), origin, statements) : Map.of();
        RevisionLint lint = new RevisionLint(script, file, schema, sizes, settings, suppressions, reported);
        StatementRules rules = new StatementRules(lint);
        for (Statement st : statements) rules.check(st, st.line());
        return lint.finish();
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : file.toString();
    }

    /**
     * The revision's text when it may hold a suppression, else empty: most files hold none, and
     * reading each one twice would be most of what lint costs beyond loading the revisions.
     */
    private static String text(RevisionScript script) {
        String text = read(script.file());
        return text.contains("lint") ? text : "";
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text.replace("\r\n", "\n");
        } catch (IOException e) {
            throw new MigrateException(file + ": cannot read the revision file: " + e.getMessage(), e);
        }
    }
}
