package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.TributaryDistribution;

/**
 * ANNOUNCE requests written by hand, with SDP bodies no real encoder sends (too large, forged),
 * logged in with Digest like ffmpeg: the first attempt is answered 401 and the second carries the
 * answer to its challenge, on the same connection. The connection is closed afterwards, which
 * also ends an announcement the server accepted (it was never set up).
 */
final class Announcements {

    /**
     * A well-formed announcement of one H.264 track, in the shape ffmpeg sends; the bad bodies
     * are made from it, so that each differs from an accepted one by one defect.
     */
    static final String VALID_SDP = "v=0\r\n"
            + "o=- 0 0 IN IP4 127.0.0.1\r\n"
            + "s=Tributary test\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\n"
            + "a=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1\r\n"
            + "a=control:streamid=0\r\n";

    private Announcements() {
    }

    /** Returns {@link #VALID_SDP} grown past {@code bytes} with attribute lines of a made-up name. */
    static String paddedSdp(int bytes) {
        StringBuilder sdp = new StringBuilder(VALID_SDP);
        for (int i = 0; sdp.length() < bytes; i++) {
            sdp.append("a=x-tributary-filler-").append(i).append(':').append("x".repeat(100)).append("\r\n");
        }
        return sdp.toString();
    }

    /**
     * Announces {@code sdp} on {@code path} as {@code login}, answering the server's Digest
     * challenge, and returns the server's answer to the authenticated request.
     */
    static RtspResponse announce(TributaryDistribution server, String path, Login login, String sdp)
            throws IOException {
        String url = server.url(path);
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", server.rtspPort())) {
            client.write(request(url, 1, sdp, null));
            RtspResponse challenge = client.readResponse();
            assertEquals("ANNOUNCE without credentials" + challenge.describe(), 401, challenge.status());
            String authorization = DigestAnswer.authorization(login, "ANNOUNCE", url,
                    challenge.header("WWW-Authenticate"));
            client.write(request(url, 2, sdp, authorization));
            return client.readResponse();
        }
    }

    private static byte[] request(String url, int cseq, String sdp, String authorization) {
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("ANNOUNCE ").append(url).append(" RTSP/1.0\r\n")
                .append("CSeq: ").append(cseq).append("\r\n")
                .append("Content-Type: application/sdp\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }
}
