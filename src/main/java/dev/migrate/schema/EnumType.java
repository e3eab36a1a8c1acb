package dev.migrate.schema;

import java.util.List;

/**
 * A PostgreSQL enum type, as {@code create_enum} writes it: its values in their order.
 *
 * @param schema the type's schema, or null for the default one
 */
public record EnumType(String name, String schema, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }

    /** {@code schema.name}, or the bare name in the default schema: how columns name it ({@code enum(...)}). */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
