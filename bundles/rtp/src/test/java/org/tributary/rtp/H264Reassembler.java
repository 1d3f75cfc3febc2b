package org.tributary.rtp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 6184 receiver written for the tests from the RFC: turns Single NAL Unit, STAP-A
 * and FU-A payloads back into NAL units, failing on anything inconsistent.
 */
final class H264Reassembler {

    private H264Reassembler() {
    }

    static List<byte[]> reassemble(List<RecordingSink.Payload> payloads) {
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fragment = null;
        for (RecordingSink.Payload payload : payloads) {
            byte[] p = payload.bytes();
            int type = p[0] & 0x1F;
            if (type == 28) {
                boolean start = (p[1] & 0x80) != 0;
                boolean end = (p[1] & 0x40) != 0;
                if (start == (fragment != null)) {
                    throw new AssertionError("FU-A start bit out of order");
                }
                if (start) {
                    fragment = new ByteArrayOutputStream();
                    fragment.write((p[0] & 0xE0) | (p[1] & 0x1F));
                }
                fragment.write(p, 2, p.length - 2);
                if (end) {
                    nals.add(fragment.toByteArray());
                    fragment = null;
                }
            } else if (type == 24) {
                ByteBuffer in = ByteBuffer.wrap(p, 1, p.length - 1);
                while (in.hasRemaining()) {
                    byte[] nal = new byte[in.getShort() & 0xFFFF];
                    in.get(nal);
                    nals.add(nal);
                }
            } else {
                nals.add(p);
            }
        }
        if (fragment != null) {
            throw new AssertionError("FU-A without end bit");
        }
        return nals;
    }
}
