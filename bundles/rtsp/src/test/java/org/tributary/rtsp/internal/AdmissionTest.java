package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** Sessions and reserved throughput against limits that change while sessions run. */
public class AdmissionTest {

    private final Admission admission = new Admission();

    @Test
    public void oneSessionMoreThanAllowedGets503UntilOneCloses() throws Exception {
        admission.limits(2, 0);
        admission.admit(1_000_000, "/a from x");
        admission.admit(0, "/live/cam from publisher");
        RtspException refused = assertThrows(RtspException.class, () -> admission.admit(1, "/a from y"));
        assertEquals(503, refused.status().code());
        assertEquals("the reason phrase names the cause", "Too Many Sessions", refused.status().reasonPhrase());
        admission.release(0);
        admission.admit(1, "/a from y");
        assertEquals(2, admission.sessions());
    }

    @Test
    public void throughputOverTheLimitGets453AndAPublisherIsNotCounted() throws Exception {
        admission.limits(0, 3_000);
        admission.admit(2_000_000, "/a from x");
        RtspException refused = assertThrows(RtspException.class, () -> admission.admit(1_500_000, "/a from y"));
        assertEquals(453, refused.status().code());
        assertEquals("Not Enough Bandwidth", refused.status().reasonPhrase());
        admission.admit(1_000_000, "/b from y");
        admission.admit(0, "/live/cam from publisher");
        assertEquals(3_000, admission.reservedKbitsPerSecond());
    }

    @Test
    public void raisedLimitsApplyToTheNextSessionAndLoweredOnesCutNobody() throws Exception {
        admission.limits(1, 0);
        admission.admit(5_000_000, "/a from x");
        assertThrows(RtspException.class, () -> admission.admit(5_000_000, "/a from y"));
        admission.limits(3, 12_000);
        admission.admit(5_000_000, "/a from y");
        admission.limits(1, 1_000);
        assertEquals("admitted sessions stay", 2, admission.sessions());
        admission.limits(0, 0);
        admission.admit(Long.MAX_VALUE / 4, "/huge from z");
    }
}
