package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** Reading the bindAddress list and telling which entries can be listened on. */
public class ListenAddressesTest {

    @Test
    public void readsACommaSeparatedListInOrderWithoutDuplicates() {
        assertEquals(List.of("127.0.0.1", "127.0.0.2", "::1"),
                ListenAddresses.parse(" 127.0.0.1, 127.0.0.2 ,[::1],127.0.0.1"));
    }

    @Test
    public void emptyMeansEveryIpv4Interface() {
        assertEquals(List.of("0.0.0.0"), ListenAddresses.parse(""));
        assertEquals(List.of("0.0.0.0"), ListenAddresses.parse(" , "));
        assertEquals(List.of("0.0.0.0"), ListenAddresses.parse(null));
    }

    @Test
    public void wildcardsLoopbackRangeAndIpv6LiteralsAreUsable() {
        for (String address : new String[] {"0.0.0.0", "::", "127.0.0.1", "127.0.0.2", "::1"}) {
            assertNull(address, ListenAddresses.problem(address));
        }
    }

    @Test
    public void hostNamesAreRefusedNotResolved() {
        assertTrue(ListenAddresses.problem("localhost").contains("not an IPv4 or IPv6 address"));
        assertTrue(ListenAddresses.problem("127.0.0.1.5").contains("not an IPv4 or IPv6 address"));
        assertTrue(ListenAddresses.problem("127.0.0.1:554").contains("not an IPv4 or IPv6 address"));
    }

    @Test
    public void anAddressOfAnotherHostIsNamed() {
        // 192.0.2.0/24 is TEST-NET-1: documentation only, never an interface's address
        assertEquals("192.0.2.1 is not an address of this host", ListenAddresses.problem("192.0.2.1"));
    }
}
