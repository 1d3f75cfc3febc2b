package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigInteger;

import org.junit.Test;

public class RtpClockTest {

    @Test
    public void convertsBetweenScales() {
        assertEquals(9_000, RtpClock.convert(3_000, 30_000, 90_000));
        assertEquals(90_000, RtpClock.convert(12_800, 12_800, 90_000));
        assertEquals(30_000, RtpClock.convert(1, 3, 90_000));
        assertEquals(1_024, RtpClock.convert(1_024, 48_000, 48_000));
    }

    @Test
    public void roundsTowardsNegativeInfinity() {
        assertEquals(0, RtpClock.convert(1, 3, 2));
        assertEquals(-1, RtpClock.convert(-1, 3, 2));
        assertEquals(-90_000, RtpClock.convert(-12_800, 12_800, 90_000));
    }

    @Test
    public void doesNotOverflowWhereTheNaiveProductWould() {
        // 10^15 microseconds (about 31 years): time * 90000 = 9 * 10^19 exceeds Long.MAX_VALUE
        assertEquals(90_000_000_000_000L, RtpClock.convert(1_000_000_000_000_000L, 1_000_000, 90_000));
    }

    @Test
    public void keepsTheLow32BitsExactWhenTheResultWraps() {
        long time = Long.MAX_VALUE - 12_345;
        BigInteger exact = BigInteger.valueOf(time).multiply(BigInteger.valueOf(90_000))
                .divide(BigInteger.valueOf(7));

        assertEquals(exact.longValue() & 0xFFFF_FFFFL, RtpClock.convert(time, 7, 90_000) & 0xFFFF_FFFFL);
    }

    @Test
    public void refusesNonPositiveScales() {
        assertThrows(IllegalArgumentException.class, () -> RtpClock.convert(1, 0, 90_000));
        assertThrows(IllegalArgumentException.class, () -> RtpClock.convert(1, 90_000, -1));
    }
}
