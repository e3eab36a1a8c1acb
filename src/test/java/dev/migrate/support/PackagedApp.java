package dev.migrate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The packaged application as a separate operating-system process, the way users and containers
 * start it: {@code java -jar target/quarkus-app/quarkus-run.jar}, or the native executable when the
 * build made one. Which one comes from {@code target/quarkus-artifact.properties}, the file the
 * Quarkus build writes and its own integration-test launcher reads. Output goes to files, so that
 * many processes at once never block on a full pipe.
 */
public final class PackagedApp {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private PackagedApp() {
    }

    /** The command line that starts the application, before its arguments. */
    public static List<String> command() {
        return command(List.of());
    }

    /** Whether the packaged application is the jar (not a native executable): JVM options apply. */
    public static boolean isJar() {
        return "jar".equals(artifact().getProperty("type"));
    }

    /** Like {@link #command()}, with {@code jvmOptions} before {@code -jar} when the application is the jar. */
    public static List<String> command(List<String> jvmOptions) {
        Properties artifact = artifact();
        Path path = TARGET.resolve(artifact.getProperty("path"));
        String type = artifact.getProperty("type");
        if ("native".equals(type)) return List.of(path.toString());
        if ("jar".equals(type)) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-jar", path.toString()));
            return cmd;
        }
        throw new IllegalStateException("cannot start a packaged application of type " + type);
    }

    private static Properties artifact() {
        Properties artifact = new Properties();
        Path file = TARGET.resolve("quarkus-artifact.properties");
        try (InputStream in = Files.newInputStream(file)) {
            artifact.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no packaged application (" + file.getFileName()
                    + " is missing): run the integration tests with ./mvnw verify", e);
        }
        return artifact;
    }

    /** A started process whose standard output and error are captured in {@code dir}. */
    public static Running start(Path dir, String name, List<String> args) {
        return start(dir, name, List.of(), args);
    }

    /** Like {@link #start(Path, String, List)}, with JVM options when the application is the jar. */
    public static Running start(Path dir, String name, List<String> jvmOptions, List<String> args) {
        return start(dir, name, jvmOptions, args, env -> { });
    }

    /**
     * Like {@link #start(Path, String, List, List)}, with the process's environment (this one's,
     * inherited) changed by {@code environment} first: variables an in-process run cannot set.
     */
    public static Running start(Path dir, String name, List<String> jvmOptions, List<String> args,
                                Consumer<Map<String, String>> environment) {
        List<String> cmd = new ArrayList<>(command(jvmOptions));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile());
            environment.accept(builder.environment());
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Running(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One process of the application. */
    public static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;

        Running(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        public Process process() {
            return process;
        }

        public long pid() {
            return process.pid();
        }

        /** Standard error so far. */
        public String err() {
            return read(err);
        }

        /** Standard output so far. */
        public String out() {
            return read(out);
        }

        /** Waits for the exit (failing after {@code seconds}) and gives the exit status. */
        public int await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("still running after " + seconds + "s\n" + describe());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return process.exitValue();
        }

        /** Exit status (if ended) and both outputs, for assertion messages. */
        public String describe() {
            return "pid " + process.pid() + (process.isAlive() ? " running" : " exit " + process.exitValue())
                    + "\nstdout:\n" + out() + "\nstderr:\n" + err();
        }

        private static String read(Path file) {
            try {
                // Lenient decoding: the process may be half way through writing a character.
                return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
