package org.tributary.rtp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.api.MediaException;

/** A sink that copies every payload it is given, as a real sender would copy it into its packet. */
final class RecordingSink implements PayloadSink {

    /** One recorded RTP payload: header bytes then body bytes, and the marker bit. */
    record Payload(byte[] bytes, boolean marker) {
    }

    final List<Payload> payloads = new ArrayList<>();

    @Override
    public void payload(ByteBuffer header, ByteBuffer body, boolean marker) {
        byte[] bytes = new byte[header.remaining() + body.remaining()];
        header.get(bytes, 0, header.remaining());
        body.get(bytes, bytes.length - body.remaining(), body.remaining());
        payloads.add(new Payload(bytes, marker));
    }

    /** @return the payloads {@code packetizer} cuts from {@code sample}, as a sender would copy them */
    static List<Payload> packetize(RtpPacketizer packetizer, ByteBuffer sample) throws MediaException {
        RecordingSink sink = new RecordingSink();
        packetizer.packetize(sample, sink);
        return sink.payloads;
    }

    /** Joins byte arrays, for building samples and expected payloads. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** @return the given values as bytes, for writing vectors in hex */
    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
