package dev.migrate.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.migrate.cli.CommandLineFactory;
import dev.migrate.cli.VertxHolder;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Runs {@code migrate ARGS...} in the test's JVM without starting Quarkus: the command line
 * production builds ({@link CommandLineFactory#standalone}), a Vert.x of its own per run, closed
 * after it, as the application closes its own on exit. Starting Quarkus costs about two seconds
 * a call, which the CLI does not need: it only asks CDI for its Vert.x. What Quarkus adds (no
 * banner, no log lines, the exit status of the process) stays tested by the few
 * {@code @QuarkusMainTest} classes and by the {@code *IT} tests on the packaged application.
 *
 * <p>The result is shaped as Quarkus' in-process launcher shapes it (standard output and error
 * split into lines, colours removed), so a test body reads the same under either. Commands print
 * through {@code System.out}/{@code System.err} and picocli's writers, which are made from them
 * on first use: both are swapped for the run, so runs are one at a time. Each run is bounded by
 * {@link #LIMIT}, so a command that hangs fails its test instead of stopping the build.
 */
public final class InProcessLauncher implements QuarkusMainLauncher, ParameterResolver {
    /**
     * Far above the slowest run of the suite (fifty databases upgraded at once), and below the
     * tests' default timeout (five minutes, pom.xml), so that a stuck run fails with its output.
     */
    private static final Duration LIMIT = Duration.ofMinutes(4);
    /** What Quarkus' capture strips from the output: ANSI escape sequences. */
    private static final String ANSI = "\u001B\\[(.*?)[a-zA-Z]";
    private static final Object ONE_AT_A_TIME = new Object();

    @Override
    public LaunchResult launch(String... args) {
        synchronized (ONE_AT_A_TIME) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            FutureTask<Integer> run = new FutureTask<>(() -> {
                try (VertxHolder vertx = new VertxHolder()) {
                    return CommandLineFactory.standalone(vertx).execute(args);
                }
            });
            Thread thread = new Thread(run, "migrate-cli");
            thread.start();
            int exitCode;
            try {
                exitCode = run.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                thread.interrupt();
                throw new AssertionError("migrate " + String.join(" ", args) + " still running after " + LIMIT
                        + "\nstdout:\n" + text(out) + "\nstderr:\n" + text(err), e);
            } catch (InterruptedException e) {
                // The test's own timeout: the run must not go on behind the next test.
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while migrate " + String.join(" ", args) + " ran", e);
            } catch (ExecutionException e) {
                throw new AssertionError("migrate " + String.join(" ", args) + " threw past picocli's handlers", e.getCause());
            } finally {
                System.out.flush();
                System.err.flush();
                System.setOut(stdout);
                System.setErr(stderr);
            }
            return new Result(exitCode, lines(out), lines(err));
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return Arrays.asList(text(bytes).replaceAll(ANSI, "").split("\n"));
    }

    private record Result(int exitCode, List<String> getOutputStream, List<String> getErrorStream) implements LaunchResult {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QuarkusMainLauncher.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }
}
