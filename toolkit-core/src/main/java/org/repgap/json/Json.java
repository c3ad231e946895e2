package org.repgap.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the toolkit: record components in {@code snake_case}
 * ({@code ambientDim} -> {@code ambient_dim}), nulls written, map entries in insertion order,
 * non-finite doubles as {@code null} is not Jackson's default, so results must store {@code null}
 * (boxed {@code Double}) where a value is undefined.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** The shared mapper (thread-safe for reading and writing once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises {@code value} as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }
}
