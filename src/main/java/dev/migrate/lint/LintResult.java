package dev.migrate.lint;

import java.util.List;

/**
 * What lint found over a range of revisions.
 *
 * @param findings  every finding, ignored ones included, in revision order then line
 * @param revisions how many revisions were linted
 */
public record LintResult(List<Finding> findings, int revisions) {
    public LintResult {
        findings = List.copyOf(findings);
    }

    /** Whether an error-level finding counts: {@code migrate lint} then exits 3. */
    public boolean failed() {
        return findings.stream().anyMatch(Finding::fails);
    }

    public List<Finding> counted() {
        return findings.stream().filter(f -> !f.ignored()).toList();
    }

    public List<Finding> ignored() {
        return findings.stream().filter(Finding::ignored).toList();
    }
}
