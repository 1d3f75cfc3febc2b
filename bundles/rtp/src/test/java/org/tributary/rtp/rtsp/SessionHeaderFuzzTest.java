package org.tributary.rtp.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link SessionHeader#parse}: any value parses or fails with a
 * {@link MalformedHeaderException}, and a parsed header written back parses to itself. Replays
 * {@code SessionHeaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class SessionHeaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) throws MalformedHeaderException {
        SessionHeader session = HeaderFuzzing.parsedOrNull(data, SessionHeader::parse);
        if (session == null) {
            return;
        }
        assertEquals(session, SessionHeader.parse(session.toString()));
        assertEquals(session, session.timeout().isPresent()
                ? SessionHeader.of(session.id(), session.timeout().getAsInt()) : SessionHeader.of(session.id()));
    }
}
