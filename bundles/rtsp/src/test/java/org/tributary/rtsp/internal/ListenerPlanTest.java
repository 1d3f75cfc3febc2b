package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** What a settings change closes and binds: only what changed. */
public class ListenerPlanTest {

    private static final ListenerKey A_554 = new ListenerKey("127.0.0.1", 554, false);
    private static final ListenerKey B_554 = new ListenerKey("127.0.0.2", 554, false);
    private static final ListenerKey A_322 = new ListenerKey("127.0.0.1", 322, true);

    @Test
    public void everyPortOnEveryAddress() {
        assertEquals(List.of(A_554, new ListenerKey("127.0.0.1", 8000, false), B_554,
                        new ListenerKey("127.0.0.2", 8000, false)),
                ListenerKey.every(List.of("127.0.0.1", "127.0.0.2"), List.of(554, 8000), false));
    }

    @Test
    public void unchangedSettingsTouchNothing() {
        ListenerPlan plan = ListenerPlan.between(List.of(A_554, A_322), List.of(A_554, A_322));
        assertEquals(List.of(), plan.toClose());
        assertEquals(List.of(), plan.toBind());
    }

    @Test
    public void anAddedAddressBindsOnlyItsPorts() {
        ListenerPlan plan = ListenerPlan.between(List.of(A_554), List.of(A_554, B_554));
        assertEquals(List.of(), plan.toClose());
        assertEquals(List.of(B_554), plan.toBind());
    }

    @Test
    public void aRemovedAddressClosesOnlyItsPorts() {
        ListenerPlan plan = ListenerPlan.between(List.of(A_554, B_554, A_322), List.of(A_554, A_322));
        assertEquals(List.of(B_554), plan.toClose());
        assertEquals(List.of(), plan.toBind());
    }

    @Test
    public void theSamePortOverTlsIsAnotherListener() {
        ListenerKey plain322 = new ListenerKey("127.0.0.1", 322, false);
        ListenerPlan plan = ListenerPlan.between(List.of(A_322), List.of(plain322));
        assertEquals(List.of(A_322), plan.toClose());
        assertEquals(List.of(plain322), plan.toBind());
    }

    @Test
    public void logLinesNameProtocolAndAddress() {
        assertEquals("RTSPS 127.0.0.1:322", A_322.toString());
        assertEquals("RTSP [::1]:554", new ListenerKey("::1", 554, false).toString());
    }
}
