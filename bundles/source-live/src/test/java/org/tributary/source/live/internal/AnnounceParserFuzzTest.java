package org.tributary.source.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Coverage-guided fuzzing of {@link AnnounceParser}: any announced SDP is accepted or refused with a
 * {@link MediaException} INVALID; an accepted one has 1 to {@code maxTracks} tracks whose kept lines
 * hold no control character, no {@code c=} and no {@code a=ssrc}, and the description viewers get
 * (those lines plus each {@code a=control}) parses to the same tracks. Replays
 * {@code AnnounceParserFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class AnnounceParserFuzzTest {

    private static final int MAX_BYTES = 16_384;
    private static final int MAX_TRACKS = 8;

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) throws MediaException {
        String sdp = new String(data, StandardCharsets.UTF_8);
        AnnouncedSdp announced;
        try {
            announced = AnnounceParser.parse(sdp, MAX_BYTES, MAX_TRACKS);
        } catch (MediaException refused) {
            assertEquals(Reason.INVALID, refused.reason(), refused::getMessage);
            return;
        }
        assertTrue(!announced.tracks().isEmpty() && announced.tracks().size() <= MAX_TRACKS);
        StringBuilder rewritten = new StringBuilder("v=0\r\n");
        for (AnnouncedTrack track : announced.tracks()) {
            assertTrue(track.mediaLines().get(0).startsWith("m=" + track.kind() + " 0 RTP/AVP "), track::toString);
            for (String line : track.mediaLines()) {
                assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7F), line);
                assertFalse(line.startsWith("c=") || line.startsWith("a=ssrc:") || line.startsWith("a=control:"), line);
                rewritten.append(line).append("\r\n");
            }
            if (!track.control().isEmpty()) {
                rewritten.append("a=control:").append(track.control()).append("\r\n");
            }
        }
        assertEquals(announced, AnnounceParser.parse(rewritten.toString(), MAX_BYTES, MAX_TRACKS),
                rewritten::toString);
    }
}
