package org.tributary.webconsole.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The one place that writes JSON for the API and the console: a thin fluent layer over Jackson's
 * streaming {@link JsonGenerator}. Every string is escaped by the generator, and the characters that
 * matter in HTML ({@code < > & '}) are written as {@code \\uXXXX} too, so a value a client sent (a
 * User-Agent, a path, a title) stays inert even when the JSON ends up inside a page.
 */
public final class JsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new HtmlSafeEscapes();

    private final JsonGenerator out;

    private JsonWriter(JsonGenerator out) {
        this.out = out;
    }

    /**
     * @param body writes one JSON value
     * @return the JSON text
     */
    public static String json(Consumer<JsonWriter> body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setCharacterEscapes(ESCAPES);
            body.accept(new JsonWriter(generator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * @param text a message for people, such as why a request failed
     * @return {@code {"message": text}}
     */
    public static String message(String text) {
        return json(w -> w.object().field("message", text).end());
    }

    /** @return this, after starting an object (as a value, or at the top) */
    public JsonWriter object() {
        return run(() -> out.writeStartObject());
    }

    /** @param name the field that holds the object @return this */
    public JsonWriter object(String name) {
        return run(() -> out.writeObjectFieldStart(name));
    }

    /** @return this, after starting an array (as a value, or at the top) */
    public JsonWriter array() {
        return run(() -> out.writeStartArray());
    }

    /** @param name the field that holds the array @return this */
    public JsonWriter array(String name) {
        return run(() -> out.writeArrayFieldStart(name));
    }

    /** @return this, after ending the innermost object or array */
    public JsonWriter end() {
        return run(() -> {
            if (out.getOutputContext().inArray()) {
                out.writeEndArray();
            } else {
                out.writeEndObject();
            }
        });
    }

    /** @param name the field @param value a string, null written as null @return this */
    public JsonWriter field(String name, String value) {
        return run(() -> {
            out.writeFieldName(name);
            value(value);
        });
    }

    /** @param name the field @param value the number @return this */
    public JsonWriter field(String name, long value) {
        return run(() -> out.writeNumberField(name, value));
    }

    /** @param name the field @param value the number; NaN and infinities are written as null @return this */
    public JsonWriter field(String name, double value) {
        return run(() -> {
            out.writeFieldName(name);
            value(value);
        });
    }

    /** @param name the field @param value the flag @return this */
    public JsonWriter field(String name, boolean value) {
        return run(() -> out.writeBooleanField(name, value));
    }

    /** @param value an array element or top-level value; null written as null @return this */
    public JsonWriter value(String value) {
        return run(() -> {
            if (value == null) {
                out.writeNull();
            } else {
                out.writeString(value);
            }
        });
    }

    /** @param value an array element @return this */
    public JsonWriter value(long value) {
        return run(() -> out.writeNumber(value));
    }

    /** @param value an array element; NaN and infinities are written as null @return this */
    public JsonWriter value(double value) {
        return run(() -> {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        });
    }

    private JsonWriter run(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** Jackson's standard escapes plus the HTML-significant characters as unicode escapes. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
