package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows to insert, each a map from column name to a plain Java value (null, Boolean, Long,
 * BigDecimal, String, List, Map), as a revision file's values are read.
 *
 * @param types the types of the table's columns where known (declared in the operation or by an
 *              earlier create_table/add_column of the same revision), so values render as the
 *              column expects them
 */
public record BulkInsert(Source at, String table, List<Map<String, Object>> rows, Map<String, ColumnType> types)
        implements Operation {
    public BulkInsert {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> row : rows) copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        rows = Collections.unmodifiableList(copy);
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    @Override
    public String kind() {
        return "bulk_insert";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.empty();
    }
}
