package dev.migrate;

import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The README's quick start prints what running it prints: the example environment of the
 * repository upgraded to head on SQLite, then {@code history -i}, times aside. Its sample said 4
 * revisions where the example applies 5.
 */
@QuarkusMainTest
class QuickStartReadmeTest {
    @TempDir
    Path tmp;

    @Test
    void theQuickStartsSampleOutputIsWhatTheExamplePrints(QuarkusMainLauncher launcher) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Quick start");
        int said = readme.indexOf("which prints", section);
        assertTrue(section >= 0 && said > section, "the README has the quick start and its sample output");
        int start = readme.indexOf("```\n", said) + "```\n".length();
        String sample = readme.substring(start, readme.indexOf("```", start));

        String config = Path.of("migrate.yaml").toAbsolutePath().toString();
        String url = "sqlite:///" + tmp.resolve("app.db");
        LaunchResult up = launcher.launch("-c", config, "--url", url, "upgrade", "head");
        ok(up);
        String history = ok(launcher.launch("-c", config, "--url", url, "history", "-i"));
        String printed = (up.getErrorOutput().strip() + "\n" + history.strip()).replace(url, "sqlite:///app.db");
        assertEquals(withoutTimes(sample.strip()), withoutTimes(printed));
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("\\(\\d+ ms\\)", "(N ms)");
    }
}
