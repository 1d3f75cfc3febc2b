package org.tributary.source.live.internal.sdp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.Set;

import org.junit.Test;

public class SenderLockTest {

    private static InetAddress host(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    public void locksOnTheFirstSender() throws Exception {
        SenderLock lock = new SenderLock(Set.of());
        assertEquals("nobody yet", lock.describe());
        assertTrue(lock.admits(host("127.0.0.1")));
        assertFalse(lock.admits(host("127.0.0.2")));
        assertTrue(lock.admits(host("127.0.0.1")));
        assertEquals("the first sender 127.0.0.1", lock.describe());
    }

    @Test
    public void sourceFilterDecidesAlone() throws Exception {
        SenderLock lock = new SenderLock(Set.of(host("127.0.0.2"), host("127.0.0.3")));
        assertFalse(lock.admits(host("127.0.0.1")));
        assertTrue(lock.admits(host("127.0.0.3")));
        assertTrue(lock.admits(host("127.0.0.2")));
        assertEquals("the source filter's [127.0.0.2, 127.0.0.3]", lock.describe());
    }
}
