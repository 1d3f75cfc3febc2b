package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;
import org.tributary.api.ServerStats;
import org.tributary.api.StreamSession;

public class ServerStatsImplTest {

    @Test
    public void totalsAddEndedSessionsToTheOpenOnesAsTheyAreNow() {
        SessionRegistryImpl registry = new SessionRegistryImpl();
        ServerStatsImpl stats = new ServerStatsImpl();
        registry.addListener(stats);
        FakeSession ended = new FakeSession("A");
        FakeSession open = new FakeSession("B");
        FakeSession publisher = new FakeSession("C");
        publisher.kind = StreamSession.PUBLISHER;
        publisher.bytesSent = 0;
        publisher.packetsSent = 0;
        publisher.bytesReceived = 700;
        publisher.packetsReceived = 7;
        registry.add(ended);
        registry.add(open);
        registry.add(publisher);
        registry.remove(ended);
        registry.remove(ended);
        ended.bytesSent = 999_999;
        assertEquals(new ServerStats.Totals(3, 2000, 20, 700, 7), stats.totals());
        open.bytesSent = 1500;
        open.packetsSent = 15;
        assertEquals(new ServerStats.Totals(3, 2500, 25, 700, 7), stats.totals());
        registry.remove(open);
        registry.remove(publisher);
        assertEquals(new ServerStats.Totals(3, 2500, 25, 700, 7), stats.totals());
    }

    @Test
    public void refusalsAreCountedByStatusInStatusOrder() {
        ServerStatsImpl stats = new ServerStatsImpl();
        stats.refused("RTSP", 404);
        stats.refused("HTTP", 401);
        stats.refused("RTSP", 404);
        stats.refused("RTSP", 453);
        assertEquals(Map.of(401, 1L, 404, 2L, 453, 1L), stats.refusals());
        assertEquals(Integer.valueOf(401), stats.refusals().keySet().iterator().next());
    }
}
