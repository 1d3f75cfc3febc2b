package org.tributary.webconsole.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small JSON objects clients send (a playlist to create): strings and arrays of strings only. */
public final class JsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(4096).build())
            .build();

    private JsonReader() {
    }

    /**
     * @param in       the body
     * @param maxBytes read at most this much
     * @return the object's fields: strings, numbers and booleans as text, arrays as lists of strings
     * @throws IOException              when the body cannot be read or is not JSON
     * @throws IllegalArgumentException when it is not one flat object, or too long
     */
    public static Map<String, Object> object(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("longer than " + maxBytes + " bytes");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    List<String> values = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (!parser.currentToken().isScalarValue()) {
                            throw new IllegalArgumentException("field " + name + " must hold plain values");
                        }
                        values.add(parser.getText());
                    }
                    fields.put(name, values);
                } else if (token.isScalarValue()) {
                    fields.put(name, parser.getText());
                } else {
                    throw new IllegalArgumentException("field " + name + " must be a value or an array");
                }
            }
        }
        return fields;
    }

    /**
     * @param value a field read by {@link #object}
     * @return the strings it holds: a list as it is, a text split at ';', nothing otherwise
     */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return ((List<String>) list).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split(";")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}
