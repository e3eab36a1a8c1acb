package dev.migrate.cli;

import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script from the command model: the subcommands after {@code migrate}, then
 * each command's options (help and version everywhere), each with the first line of its description.
 */
final class FishCompletion {
    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        StringBuilder out = new StringBuilder("# fish completion for ").append(name)
                .append(", printed by '").append(name).append(" completion fish'\n");
        out.append("complete -c ").append(name).append(" -f\n");
        StringBuilder commands = new StringBuilder();
        for (String sub : root.subcommands().keySet()) commands.append(' ').append(sub);
        String noCommandYet = "not __fish_seen_subcommand_from" + commands;
        for (Map.Entry<String, picocli.CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.name().equals(e.getKey())) continue; // an alias: the command is listed under its name
            out.append("complete -c ").append(name).append(" -n '").append(noCommandYet).append("' -a ").append(sub.name())
                    .append(" -d ").append(quote(firstLine(sub.usageMessage().description()))).append('\n');
        }
        // --help and --version go everywhere; migrate's own options only before a command, as after
        // it each command completes the ones it takes.
        for (OptionSpec o : root.options()) out.append(option(name, o.usageHelp() || o.versionHelp() ? null : noCommandYet, o));
        for (Map.Entry<String, picocli.CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.name().equals(e.getKey())) continue;
            for (OptionSpec o : sub.options()) {
                if (!o.inherited()) out.append(option(name, "__fish_seen_subcommand_from " + sub.name(), o));
            }
        }
        return out.toString();
    }

    /** One option's line; {@code condition} (a fish test) null when it completes everywhere. */
    private static String option(String name, String condition, OptionSpec o) {
        if (o.hidden()) return "";
        StringBuilder line = new StringBuilder("complete -c ").append(name);
        if (condition != null) line.append(" -n '").append(condition).append("'");
        for (String n : o.names()) {
            if (n.startsWith("--")) line.append(" -l ").append(n.substring(2));
            else if (n.startsWith("-") && n.length() == 2) line.append(" -s ").append(n.charAt(1));
        }
        if (o.arity().max() > 0) line.append(" -r");
        line.append(" -d ").append(quote(firstLine(o.description())));
        return line.append('\n').toString();
    }

    private static String firstLine(String[] description) {
        if (description == null || description.length == 0) return "";
        String text = description[0].replace("$${", "${");
        int stop = text.indexOf(". ");
        return stop < 0 ? text : text.substring(0, stop + 1);
    }

    /** A fish single-quoted string: only backslash and the quote need escaping. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
