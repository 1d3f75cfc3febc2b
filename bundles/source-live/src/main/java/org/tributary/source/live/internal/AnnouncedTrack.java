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
}
