package org.tributary.core.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class LoginThrottleTest {

    @Test
    public void failuresOutsideTheWindowDoNotCountAndBlocksExpire() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        LoginThrottle throttle = new LoginThrottle(now::get, 3, 60_000, 300_000);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        throttle.failed(a);
        throttle.failed(a);
        now.addAndGet(61_000);
        assertFalse("the first two fell out of the window", throttle.failed(a));
        assertFalse(throttle.blocked(a));
        throttle.failed(a);
        assertTrue(throttle.failed(a));
        assertTrue(throttle.blocked(a));
        assertFalse("other addresses are not affected", throttle.blocked(b));
        now.addAndGet(300_001);
        assertFalse("the block expires", throttle.blocked(a));
    }
}
