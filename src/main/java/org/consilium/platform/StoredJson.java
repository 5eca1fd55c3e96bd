package org.consilium.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values kept as JSON in a database column (jsonb or text): written and read back with one mapper (Java time
 * types registered). A stored value that no longer reads is a bug or a damaged row, not bad input: it is an
 * {@link IllegalStateException}.
 */
public final class StoredJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getMessage(), e);
        }
    }
}
