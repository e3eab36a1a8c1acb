package dev.migrate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The schema.yaml example of the README is a valid schema: the manual must not show a file that fails. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Target schema: `schema.yaml`");
        assertTrue(section >= 0, "the README has the section");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        Schema schema = SchemaReader.read(example, "README.md");
        assertEquals(List.of("customers", "metrics", "orders"), List.copyOf(schema.tables().keySet()));
        assertEquals(List.of("metrics"), List.copyOf(schema.hypertables().keySet()));
        assertEquals(schema, SchemaReader.read(SchemaWriter.yaml(schema), "written"));
    }
}
