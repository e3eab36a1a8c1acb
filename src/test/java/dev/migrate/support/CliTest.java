package dev.migrate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the command line in-process, without Quarkus: its test methods take a
 * {@code QuarkusMainLauncher} as they would under {@code @QuarkusMainTest}, given by
 * {@link InProcessLauncher}. Keep {@code @QuarkusMainTest} for what only Quarkus' launch shows
 * (its wiring, no banner or log lines).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InProcessLauncher.class)
public @interface CliTest {
}
