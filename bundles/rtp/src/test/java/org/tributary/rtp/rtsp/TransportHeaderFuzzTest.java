package org.tributary.rtp.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link TransportHeader#parse}: any value parses or fails with an
 * {@link RtspHeaderException}, and what it parses to is written back ({@code toString}) as a value
 * that parses to the same specs. Replays {@code TransportHeaderFuzzTestInputs/}; {@code -Pfuzz}
 * fuzzes it.
 */
class TransportHeaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) throws RtspHeaderException {
        TransportHeader header = HeaderFuzzing.parsedOrNull(data, TransportHeader::parse);
        if (header == null) {
            return;
        }
        assertFalse(header.specs().isEmpty());
        assertEquals(header.specs(), TransportHeader.parse(header.toString()).specs(), header::toString);
        try {
            header.select();
        } catch (UnsupportedTransportException nothingServable) {
            // a documented outcome
        }
    }
}
