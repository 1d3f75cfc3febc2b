package org.tributary.source.live.internal.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Coverage-guided fuzzing of {@link FeedDescriptionParser}: any {@code .sdp} file is accepted or
 * refused with a {@link MediaException} INVALID naming the file; an accepted one has one endpoint per
 * track, on ports 1 to 65535 used once each, at a multicast group or an address of this host.
 * Replays {@code FeedDescriptionParserFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class FeedDescriptionParserFuzzTest {

    private static final int MAX_BYTES = 16_384;
    private static final int MAX_TRACKS = 8;

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        FeedDescription feed;
        try {
            feed = FeedDescriptionParser.parse("fuzz.sdp", new String(data, StandardCharsets.UTF_8), MAX_BYTES,
                    MAX_TRACKS);
        } catch (MediaException refused) {
            assertEquals(Reason.INVALID, refused.reason(), refused::getMessage);
            assertTrue(refused.getMessage().contains("fuzz.sdp"), refused::getMessage);
            return;
        }
        assertEquals(feed.sdp().tracks().size(), feed.endpoints().size());
        Set<Integer> ports = new HashSet<>();
        for (TrackEndpoint endpoint : feed.endpoints()) {
            assertTrue(endpoint.rtpPort() >= 1 && endpoint.rtcpPort() <= 65535, endpoint::toString);
            assertTrue(ports.add(endpoint.rtpPort()) && ports.add(endpoint.rtcpPort()), endpoint::toString);
            assertTrue(endpoint.address().isMulticastAddress() || LiteralAddresses.isLocal(endpoint.address()),
                    endpoint::toString);
        }
        feed.sdp().tracks().forEach(track -> track.mediaLines().forEach(line -> assertTrue(
                !line.startsWith("a=rtcp:") && !line.startsWith("a=source-filter:"), line)));
    }
}
