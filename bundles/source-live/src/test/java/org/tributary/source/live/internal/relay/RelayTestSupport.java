package org.tributary.source.live.internal.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Shared pieces of the relay tests, computed independently of the code under test. */
final class RelayTestSupport {

    static final byte[] RECEIVER_REPORT = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 7};

    private RelayTestSupport() {
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RelayTestSupport.class.getResourceAsStream("/relay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * @return what the fake origin sends after PLAY: an RTP packet on each track's channel (0 and 2),
     *         one on a channel no track uses (9), and a receiver report on each RTCP channel
     */
    static List<byte[]> mediaFrames() {
        return List.of(frame(0, rtp(96, 1, (byte) 0x65)), frame(2, rtp(97, 2, (byte) 0x21)), frame(9, rtp(96, 3)),
                frame(1, RECEIVER_REPORT), frame(3, RECEIVER_REPORT));
    }

    /** @return an origin describing the two tracks of origin-describe.sdp, logging in bob with s3cret when asked */
    static FakeOrigin origin(List<byte[]> frames, boolean keepOpen, String challenge) throws IOException {
        return new FakeOrigin(resource("origin-describe.sdp"), frames, keepOpen, challenge, "bob", "s3cret");
    }

    /** @return an interleaved frame: '$', the channel, a 16-bit length, the payload */
    static byte[] frame(int channel, byte[] payload) {
        byte[] frame = new byte[4 + payload.length];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[2] = (byte) (payload.length >> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        return frame;
    }

    /** @return a 12-byte-header RTP packet with the given payload type, sequence number and payload */
    static byte[] rtp(int payloadType, int sequence, byte... payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[11] = 1;
        System.arraycopy(payload, 0, packet, 12, payload.length);
        return packet;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
