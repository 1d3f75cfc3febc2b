package org.tributary.security;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ClientTextTest {

    @Test
    public void controlCharactersGoAndTheRestStays() {
        assertEquals("Lavf/60.16.100 <script>\"x\"Injected: 1",
                ClientText.clean("Lavf/60.16.100 <script>\"x\"\r\nInjected: 1\u0000\u007f\t"));
    }

    @Test
    public void longValuesAreCappedAndNullIsEmpty() {
        assertEquals(ClientText.MAX, ClientText.clean("a".repeat(10_000)).length());
        assertEquals("", ClientText.clean(null));
    }
}
