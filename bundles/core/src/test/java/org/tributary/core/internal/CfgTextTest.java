package org.tributary.core.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** A console save written back into a .cfg file as plain lines. */
public class CfgTextTest {

    @Test
    public void eachKeyKeepsItsPlaceAndItsCommentsAndNewKeysGoLast() {
        String file = "# Ports\nports = 554\n\n# Timeout\nsessionTimeout = I\"45\"\nold = gone\n";
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessionTimeout", 50);
        values.put("ports", "554,7070");
        values.put("httpTunnel", Boolean.FALSE);
        assertEquals("# Ports\nports = 554,7070\n\n# Timeout\nsessionTimeout = 50\nhttpTunnel = false\n",
                CfgText.merge(file, values));
    }

    @Test
    public void aContinuedValueIsReplacedWhole() {
        assertEquals("rules = [\"a\", \"b\"]\nx = 1\n",
                CfgText.merge("rules = [ \\\n  \"old\", \\\n  ]\nx = 1\n",
                        Map.of("rules", new String[] {"a", "b"}, "x", 1)));
    }

    @Test
    public void listsAreWrittenInTheSyntaxThePluginReadsBack() {
        String line = CfgText.format(List.of("allow 10.0.0.0/8", "deny \"all\""));
        // what a properties reader makes of the line: \\ becomes \
        String read = line.replace("\\\\", "\\");
        assertArrayEquals(new String[] {"allow 10.0.0.0/8", "deny \"all\""},
                (String[]) TypedValues.decode(read).orElseThrow());
    }
}
