package org.tributary.source.live.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One media section of an announced SDP.
 *
 * @param kind       {@code audio}, {@code video} or {@code application}
 * @param control    the publisher's {@code a=control} value, empty when it gave none
 * @param encodings  in m= line order, the encoding name (upper case, from {@code a=rtpmap}) per announced payload type;
 *                   empty for a static payload type without rtpmap
 * @param mediaLines the section as viewers get it: the {@code m=} line with port 0 and the kept lines,
 *                   without {@code a=control}
 */
public record AnnouncedTrack(String kind, String control, Map<Integer, String> encodings, List<String> mediaLines) {

    private static final int DEFAULT_CLOCK_RATE = 90_000;

    /** Copies the maps and lists. */
    public AnnouncedTrack {
        encodings = Collections.unmodifiableMap(new LinkedHashMap<>(encodings));
        mediaLines = List.copyOf(mediaLines);
    }

    /** @return whether the publisher announced this payload type for the track */
    boolean announces(int payloadType) {
        return encodings.containsKey(payloadType);
    }

    /** @return the encoding name of a payload type, or null when it was not announced */
    String encoding(int payloadType) {
        return encodings.get(payloadType);
    }

    boolean isVideo() {
        return kind.equals("video");
    }

    /**
     * @return the RTP clock rate of the track's first payload type: from its {@code a=rtpmap}, else the
     *         static payload type's (RFC 3551), else 90000
     */
    int clockRate() {
        if (encodings.isEmpty()) {
            return DEFAULT_CLOCK_RATE;
        }
        int payloadType = encodings.keySet().iterator().next();
        String prefix = "a=rtpmap:" + payloadType + " ";
        for (String line : mediaLines) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).trim().split("/");
                if (parts.length >= 2 && parts[1].matches("[1-9][0-9]{0,8}")) {
                    return Integer.parseInt(parts[1]);
                }
            }
        }
        return staticClockRate(payloadType);
    }

    private static int staticClockRate(int payloadType) {
        return switch (payloadType) {
            case 0, 3, 4, 5, 7, 8, 9, 12, 13, 15, 18 -> 8000;
            case 6 -> 16000;
            case 10, 11 -> 44100;
            case 16 -> 11025;
            case 17 -> 22050;
            default -> DEFAULT_CLOCK_RATE;
        };
    }

    /** @return the media lines without bandwidth lines, which a publisher may state differently each time */
    List<String> mediaLinesWithoutBandwidth() {
        return mediaLines.stream().filter(line -> !line.startsWith("b=")).toList();
    }
}
