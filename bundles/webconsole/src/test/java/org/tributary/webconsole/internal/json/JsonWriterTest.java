package org.tributary.webconsole.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonWriterTest {

    @Test
    public void escapesHtmlInEveryClientString() {
        String json = JsonWriter.json(w -> w.object().field("agent", "<script>alert('x')</script>&\"\\").end());

        assertFalse(json, json.contains("<"));
        assertFalse(json, json.contains(">"));
        assertFalse(json, json.contains("'"));
        assertFalse(json, json.contains("&"));
        assertTrue(json, json.contains("\\u003Cscript\\u003E"));
        assertTrue(json, json.contains("\\\"\\\\"));
    }

    @Test
    public void escapedTextReadsBackAsTheOriginal() throws Exception {
        String original = "<script>alert(1)</script>\u0001\u00e9\n";
        String json = JsonWriter.json(w -> w.object().field("v", original).end());

        Map<String, Object> read = JsonReader.object(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                1000);

        assertEquals(original, read.get("v"));
    }

    @Test
    public void writesNestedValuesAndNonFiniteNumbersAsNull() {
        String json = JsonWriter.json(w -> w.object().field("a", 1L).field("b", Double.NaN).field("c", true)
                .field("d", (String) null).array("e").value("x").value(2L).end().object("f").end().end());

        assertEquals("{\"a\":1,\"b\":null,\"c\":true,\"d\":null,\"e\":[\"x\",2],\"f\":{}}", json);
    }

    @Test
    public void messageIsAnObjectWithOneField() {
        assertEquals("{\"message\":\"No session \\u003Cb\\u003E\"}", JsonWriter.message("No session <b>"));
    }

    @Test
    public void readerTakesStringsAndArraysAndRefusesDeepOrLongBodies() throws Exception {
        Map<String, Object> read = JsonReader.object(stream("{\"path\":\"c1\",\"items\":[\"/a.mp4\",\"/b.mp4\"]}"),
                100);
        assertEquals("c1", read.get("path"));
        assertEquals(List.of("/a.mp4", "/b.mp4"), JsonReader.strings(read.get("items")));
        assertEquals(List.of("/a.mp4", "/b.mp4"), JsonReader.strings("/a.mp4; /b.mp4"));

        assertThrows(() -> JsonReader.object(stream("{\"a\":{\"b\":1}}"), 100));
        assertThrows(() -> JsonReader.object(stream("[1]"), 100));
        assertThrows(() -> JsonReader.object(stream("{\"a\":\"" + "x".repeat(200) + "\"}"), 100));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void assertThrows(Body body) {
        try {
            body.run();
        } catch (Exception e) {
            return;
        }
        throw new AssertionError("expected a refusal");
    }
}
