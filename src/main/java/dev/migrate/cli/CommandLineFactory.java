package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.migrate.MigrateException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/**
 * Shapes how the command line fails: a {@link MigrateException} prints its message alone (a stack
 * trace only with {@code --debug} or {@code MIGRATE_DEBUG=1}, never with {@code -v}, which is about
 * output, not about bugs) and exits with its status; wrong usage exits 2; anything unexpected exits 1
 * with the error named.
 */
@ApplicationScoped
public class CommandLineFactory {
    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create());
    }

    /**
     * The command line of a run without Quarkus around it (the tests' in-process launcher): the same
     * commands and failure handling as {@link #commandLine}, on {@code vertx}, which the caller closes.
     */
    public static CommandLine standalone(VertxHolder vertx) {
        return configure(new CommandLine(new MigrateCommand(vertx)));
    }

    /** Applies how the command line parses and fails to {@code cl}: one place for every way it is built. */
    static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = debug(parseResult);
            List<String> x = xPairs(commandLine);
            commandLine.getErr().println("ERROR: " + HiddenValues.hide(messageOf(e), x));
            if (debug) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                commandLine.getErr().print(HiddenValues.hide(trace.toString(), x));
            }
            commandLine.getErr().flush();
            return e instanceof MigrateException ? ((MigrateException) e).exitCode() : 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("ERROR: " + usageMessage(e));
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            c.getErr().flush();
            return 2;
        });
        return cl;
    }

    /**
     * Picocli names a mistyped command by its argument index, which counts the global options
     * before it; say instead that the command is unknown, with the closest ones.
     */
    private static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            CommandLine.UnmatchedArgumentException u = (CommandLine.UnmatchedArgumentException) e;
            List<String> unmatched = u.getUnmatched();
            boolean expectsCommand = !e.getCommandLine().getSubcommands().isEmpty();
            if (expectsCommand && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                String typed = unmatched.get(0);
                // picocli's fuzzy matches are poor for unrelated words; a typo rarely changes the first letter
                List<String> suggestions = u.getSuggestions().stream().filter(c -> c.charAt(0) == typed.charAt(0)).toList();
                return "unknown command '" + typed + "'"
                        + (suggestions.isEmpty() ? "" : "; did you mean: " + String.join(", ", suggestions) + "?");
            }
        }
        return e.getMessage();
    }

    /** The {@code -x} pairs of this run, whose values no message may show. */
    private static List<String> xPairs(CommandLine commandLine) {
        Object root = commandLine.getCommandSpec().root().userObject();
        return root instanceof MigrateCommand ? ((MigrateCommand) root).options().x() : List.of();
    }

    /** {@code --debug} anywhere on the line, or {@code MIGRATE_DEBUG} set to anything but empty, 0 or false. */
    static boolean debug(CommandLine.ParseResult result) {
        String env = System.getenv("MIGRATE_DEBUG");
        if (env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false")) return true;
        for (CommandLine.ParseResult r = result; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    private static String messageOf(Throwable e) {
        if (e instanceof MigrateException) return e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof MigrateException)) root = root.getCause();
        if (root instanceof MigrateException) return root.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
