package org.tributary.core.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Hashtable;
import java.util.Optional;

import org.junit.Test;

/** The typed syntax Karaf writes after a console save, read back from a file that also holds plain lines. */
public class TypedValuesTest {

    @Test
    public void scalarsOfEveryTypeAreRead() {
        assertEquals(Optional.of(45), TypedValues.decode("I\"45\""));
        assertEquals(Optional.of(0L), TypedValues.decode("L\"0\""));
        assertEquals(Optional.of(true), TypedValues.decode("B\"true\""));
        assertEquals(Optional.of("554,7070,8000,8001"), TypedValues.decode("\"554,7070,8000,8001\""));
        assertEquals(Optional.of("a \"b\" c\\"), TypedValues.decode("T\"a \\\"b\\\" c\\\\\""));
        assertEquals(Optional.of(1.0f), TypedValues.decode("F\"1065353216\""));
    }

    @Test
    public void arraysAreRead() {
        assertArrayEquals(new String[] {"allow 10.0.0.0/8", "deny all"},
                (String[]) TypedValues.decode("[ \\\n  \"allow 10.0.0.0/8\", \\\n  \"deny all\", \\\n  ]").orElseThrow());
        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) TypedValues.decode("I[\"1\",\"2\"]").orElseThrow());
    }

    @Test
    public void plainTextStaysAsItIs() {
        for (String plain : new String[] {"rtsps.p12", "45", "", "digest", "a\"b\"", "\"open", "\"a\" tail", "[x"}) {
            assertEquals(plain, Optional.empty(), TypedValues.decode(plain));
        }
    }

    @Test
    public void onlyTributaryPidsAreTouched() {
        Hashtable<String, Object> ours = new Hashtable<>();
        ours.put("service.pid", "org.tributary.rtsp");
        ours.put("sessionTimeout", "I\"45\"");
        ours.put("tlsKeystore", "rtsps.p12");
        TypedValuesPlugin.decode(ours);
        assertEquals(45, ours.get("sessionTimeout"));
        assertEquals("rtsps.p12", ours.get("tlsKeystore"));
        Hashtable<String, Object> other = new Hashtable<>();
        other.put("service.pid", "org.apache.karaf.shell");
        other.put("x", "I\"1\"");
        TypedValuesPlugin.decode(other);
        assertEquals("I\"1\"", other.get("x"));
    }
}
