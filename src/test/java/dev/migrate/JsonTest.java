package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JsonTest {
    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\te\u0001");
        m.put("n", Arrays.asList(1L, 2.5, true, null));
        m.put("empty", Map.of());
        m.put("set", Set.of("x"));
        return m;
    }

    @Test
    void writeIsCompactOnOneLine() {
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001\",\"n\":[1,2.5,true,null],\"empty\":{},\"set\":[\"x\"]}",
                Json.write(sample()));
    }

    @Test
    void spacedPutsASpaceAfterCommasAndColons() {
        assertEquals("{\"s\": \"a\\\"b\\\\c\\nd\\te\\u0001\", \"n\": [1, 2.5, true, null], \"empty\": {}, \"set\": [\"x\"]}",
                Json.spaced(sample()));
        assertEquals("[]", Json.spaced(List.of()));
        assertEquals("\"text\"", Json.spaced(new StringBuilder("text")));
    }

    /** JSON has no NaN or Infinity: a number that is not finite is written as null, never as an invalid token. */
    @Test
    void aNumberThatIsNotFiniteIsWrittenAsNull() {
        assertEquals("[null,null,null,null,1.5]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Float.NaN, 1.5)));
        assertEquals("{\"x\": null}", Json.spaced(Map.of("x", Double.NaN)));
    }
}
