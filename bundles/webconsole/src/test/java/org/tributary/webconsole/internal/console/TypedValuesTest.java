package org.tributary.webconsole.internal.console;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.junit.Test;
import org.osgi.service.metatype.AttributeDefinition;

public class TypedValuesTest {

    private static final AttributeDefinition PORTS = FakeAttribute.of("ports", AttributeDefinition.STRING);
    private static final AttributeDefinition TIMEOUT = new FakeAttribute("timeout", AttributeDefinition.INTEGER, 0, "1");
    private static final AttributeDefinition TUNNEL = FakeAttribute.of("tunnel", AttributeDefinition.BOOLEAN);
    private static final AttributeDefinition SECRET = FakeAttribute.of("secret", AttributeDefinition.PASSWORD);
    private static final AttributeDefinition ITEMS = new FakeAttribute("items", AttributeDefinition.STRING, 100, null);
    private static final AttributeDefinition WEIGHTS = new FakeAttribute("weights", AttributeDefinition.LONG, -5, null);
    private static final AttributeDefinition[] FIELDS = {PORTS, TIMEOUT, TUNNEL, SECRET, ITEMS, WEIGHTS};

    @Test
    public void typesEachValueAsItsAttributeSays() {
        TypedValues values = TypedValues.of(null, FIELDS, Map.of("ports", new String[] {"554,7070"},
                "timeout", new String[] {" 45 "}, "tunnel", new String[] {"true"},
                "items", new String[] {"/a.mp4", "", "/b.mp4"}, "weights", new String[] {"3", "4"}));

        assertEquals(Map.of(), values.errors());
        assertEquals("554,7070", values.properties().get("ports"));
        assertEquals(45, values.properties().get("timeout"));
        assertEquals(Boolean.TRUE, values.properties().get("tunnel"));
        assertArrayEquals(new String[] {"/a.mp4", "/b.mp4"}, (String[]) values.properties().get("items"));
        assertEquals(new Vector<>(List.of(3L, 4L)), values.properties().get("weights"));
    }

    @Test
    public void keepsPropertiesTheFormDoesNotChange() {
        Hashtable<String, Object> current = new Hashtable<>(Map.of("felix.fileinstall.filename", "file:/etc/x.cfg",
                "ports", "554", "timeout", 60, "secret", "s3cret"));

        TypedValues values = TypedValues.of(current, FIELDS, Map.of("ports", new String[] {"554,8000"},
                "secret", new String[] {""}));

        assertEquals("file:/etc/x.cfg", values.properties().get("felix.fileinstall.filename"));
        assertEquals(60, values.properties().get("timeout"));
        assertEquals("an empty password field keeps the password", "s3cret", values.properties().get("secret"));
        assertEquals("554,8000", values.properties().get("ports"));
    }

    @Test
    public void anEmptyNumberFallsBackToTheDefault() {
        Hashtable<String, Object> current = new Hashtable<>(Map.of("timeout", 60));

        TypedValues values = TypedValues.of(current, FIELDS, Map.of("timeout", new String[] {""}));

        assertEquals(Map.of(), values.errors());
        assertEquals(null, values.properties().get("timeout"));
    }

    @Test
    public void refusesWhatDoesNotParseOrValidate() {
        TypedValues values = TypedValues.of(null, FIELDS, Map.of("timeout", new String[] {"soon"},
                "tunnel", new String[] {"yes"}, "weights", new String[] {"1", "2", "3", "4", "5", "6"}));

        assertEquals("TIMEOUT: 'soon' is not integer", values.errors().get("timeout"));
        assertEquals("TUNNEL: 'yes' is not true or false", values.errors().get("tunnel"));
        assertEquals("WEIGHTS: at most 5 values", values.errors().get("weights"));
        assertEquals("TIMEOUT: value 1 is refused",
                TypedValues.of(null, FIELDS, Map.of("timeout", new String[] {"1"})).errors().get("timeout"));
        assertTrue(TypedValues.of(null, FIELDS, Map.of("ports", new String[] {"1", "2"})).errors().containsKey("ports"));
    }

    @Test
    public void namesTheTypes() {
        assertEquals("integer", TypedValues.typeName(AttributeDefinition.INTEGER));
        assertEquals("password", TypedValues.typeName(AttributeDefinition.PASSWORD));
        assertEquals('x', TypedValues.parse(AttributeDefinition.CHARACTER, "x"));
        assertEquals(2.5f, TypedValues.parse(AttributeDefinition.FLOAT, "2.5"));
    }
}
