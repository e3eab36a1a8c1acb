package dev.migrate.config;

import dev.migrate.yaml.SourceException;

/** A {@code ${VAR}} in the configuration names an environment variable that is not set and has no default. */
public class UnsetVariableException extends SourceException {
    private final String variable;

    public UnsetVariableException(String origin, int line, String variable) {
        super(origin, line, "environment variable " + variable + " is not set; set it, or write ${"
                + variable + ":-default} to give a default");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
