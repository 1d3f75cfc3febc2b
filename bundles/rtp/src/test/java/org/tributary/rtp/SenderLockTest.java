package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;

import org.junit.Test;

public class SenderLockTest {

    private static InetAddress host(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static InetSocketAddress from(String literal, int port) throws Exception {
        return new InetSocketAddress(host(literal), port);
    }

    @Test
    public void locksOnTheFirstSenderFromAnyOfItsPorts() throws Exception {
        SenderLock lock = SenderLock.anyPort(Set.of());
        assertEquals("nobody yet", lock.describe());
        assertTrue(lock.admits(from("127.0.0.1", 5000)));
        assertFalse(lock.admits(from("127.0.0.2", 5000)));
        assertTrue(lock.admits(from("127.0.0.1", 5001)));
        assertEquals("the first sender 127.0.0.1", lock.describe());
    }

    @Test
    public void sourceFilterDecidesAlone() throws Exception {
        SenderLock lock = SenderLock.anyPort(Set.of(host("127.0.0.2"), host("127.0.0.3")));
        assertFalse(lock.admits(from("127.0.0.1", 5000)));
        assertTrue(lock.admits(from("127.0.0.3", 5000)));
        assertTrue(lock.admits(from("127.0.0.2", 6000)));
        assertEquals("the source filter's [127.0.0.2, 127.0.0.3]", lock.describe());
    }

    @Test
    public void declaredEndpointAdmitsOnlyThatPortOfThatHost() throws Exception {
        SenderLock lock = SenderLock.endpoint(host("127.0.0.1"), 5000);
        assertEquals("the sender 127.0.0.1:5000", lock.describe());
        assertFalse(lock.admits(from("127.0.0.1", 5002)));
        assertTrue(lock.admits(from("127.0.0.1", 5000)));
        assertFalse(lock.admits(from("127.0.0.2", 5000)));
    }

    @Test
    public void undeclaredPortLocksOnTheHostsFirstPort() throws Exception {
        SenderLock lock = SenderLock.endpoint(host("127.0.0.1"), 0);
        assertEquals("the first port of 127.0.0.1 (none yet)", lock.describe());
        assertFalse("another host never locks it", lock.admits(from("127.0.0.2", 4000)));
        assertTrue(lock.admits(from("127.0.0.1", 6000)));
        assertFalse(lock.admits(from("127.0.0.1", 6002)));
        assertTrue(lock.admits(from("127.0.0.1", 6000)));
        assertEquals("the sender 127.0.0.1:6000", lock.describe());
    }

    @Test
    public void portOutOfRangeIsRefused() throws Exception {
        InetAddress local = host("127.0.0.1");
        assertThrows(IllegalArgumentException.class, () -> SenderLock.endpoint(local, 65536));
        assertThrows(IllegalArgumentException.class, () -> SenderLock.endpoint(local, -1));
    }
}
