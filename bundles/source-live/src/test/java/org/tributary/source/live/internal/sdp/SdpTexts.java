package org.tributary.source.live.internal.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** SDP files for the tests: ffmpeg's own, and small hand-written ones. */
final class SdpTexts {

    private SdpTexts() {
    }

    /** What {@code ffmpeg … -f rtp rtp://127.0.0.1:V?rtcpport=V+1 … -f rtp rtp://127.0.0.1:A -sdp_file} wrote. */
    static String ffmpeg(int videoPort, int audioPort) throws IOException {
        try (InputStream in = SdpTexts.class.getResourceAsStream("/sdp/ffmpeg-rtp-feed.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("RTP_VIDEO", Integer.toString(videoPort)).replace("RTP_AUDIO", Integer.toString(audioPort));
        }
    }

    /** One AAC track (no key-frame gating) at {@code address:port}, with {@code extra} lines in its section. */
    static String audio(String address, int port, String... extra) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=feed\r\nt=0 0\r\n")
                .append("m=audio ").append(port).append(" RTP/AVP 97\r\n")
                .append("c=IN ").append(address.contains(":") ? "IP6 " : "IP4 ").append(address).append("\r\n")
                .append("a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n");
        for (String line : extra) {
            sdp.append(line).append("\r\n");
        }
        return sdp.toString();
    }
}
