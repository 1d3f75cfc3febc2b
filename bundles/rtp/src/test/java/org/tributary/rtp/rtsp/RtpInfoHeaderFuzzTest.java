package org.tributary.rtp.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link RtpInfoHeader}, which the server writes and never parses: any
 * URL, sequence and timestamp is either refused with an {@link IllegalArgumentException} or written
 * as a value that splits back into the same entries and holds no control character. Replays
 * {@code RtpInfoHeaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class RtpInfoHeaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void write(FuzzedDataProvider data) {
        List<RtpInfoHeader.Entry> entries = new ArrayList<>();
        int count = data.consumeInt(1, 4);
        try {
            for (int i = 0; i < count; i++) {
                Integer seq = data.consumeBoolean() ? data.consumeInt() : null;
                Long rtptime = data.consumeBoolean() ? data.consumeLong() : null;
                entries.add(new RtpInfoHeader.Entry(data.consumeString(200), seq, rtptime));
            }
        } catch (IllegalArgumentException refused) {
            return;
        }
        String value = new RtpInfoHeader(entries).toString();
        assertFalse(HeaderSyntax.hasControl(value), value);
        List<String> parts = HeaderSyntax.split(value, ',');
        assertEquals(entries.size(), parts.size(), value);
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(entries.get(i), entry(parts.get(i)), value);
        }
    }

    private static RtpInfoHeader.Entry entry(String text) {
        String url = null;
        Integer seq = null;
        Long rtptime = null;
        for (String part : HeaderSyntax.split(text, ';')) {
            HeaderSyntax.Parameter p = HeaderSyntax.Parameter.of(part);
            switch (p.name()) {
                case "url" -> url = p.value();
                case "seq" -> seq = Integer.valueOf(p.value());
                case "rtptime" -> rtptime = Long.valueOf(p.value());
                default -> throw new AssertionError("unexpected parameter " + part + " in " + text);
            }
        }
        return new RtpInfoHeader.Entry(url, seq, rtptime);
    }
}
