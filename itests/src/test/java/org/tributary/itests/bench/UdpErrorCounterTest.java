package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

/** RcvbufErrors read from a /proc/net/snmp listing. */
public class UdpErrorCounterTest {

    @Test
    public void readsTheUdpReceiveBufferErrors() {
        List<String> snmp = List.of(
                "Tcp: RtoAlgorithm RtoMin",
                "Tcp: 1 200",
                "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti",
                "Udp: 1000 2 17 900 15 0 0 0",
                "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors",
                "UdpLite: 0 0 0 0 0 0 0");
        assertEquals(15, UdpErrorCounter.receiveBufferErrors(snmp));
    }

    @Test
    public void refusesAListingWithoutUdp() {
        assertThrows(IllegalArgumentException.class,
                () -> UdpErrorCounter.receiveBufferErrors(List.of("Tcp: RtoAlgorithm", "Tcp: 1")));
    }
}
