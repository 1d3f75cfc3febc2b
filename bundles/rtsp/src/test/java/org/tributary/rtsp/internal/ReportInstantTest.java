package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A sender report's NTP time moves exactly with the clock reading its media time came from. */
public class ReportInstantTest {

    private static final double NTP_UNITS_PER_SECOND = 4294967296.0;

    @Test
    public void ntpTimesOfTwoReadingsDifferByTheirDistance() {
        long first = 1_000_000_000_000L;
        ReportInstant a = ReportInstant.at(first, 10.0);
        ReportInstant b = ReportInstant.at(first + 5_021_333_333L, 15.021333333);
        double ntpSeconds = (b.ntp() - a.ntp()) / NTP_UNITS_PER_SECOND;
        assertEquals(b.mediaSeconds() - a.mediaSeconds(), ntpSeconds, 1e-9);
    }

    @Test
    public void theNtpTimeOfAReadingDoesNotDependOnWhenItIsComputed() {
        long reading = System.nanoTime();
        long early = SenderClock.ntpAt(reading);
        long late = ReportInstant.at(reading, 0).ntp();
        assertEquals(early, late);
    }
}
