package org.tributary.rtp.internal;

import java.nio.ByteBuffer;

/**
 * The working buffers a packetizer needs for one sample, one set per thread, so that packetizing
 * allocates no header buffer and no NAL table per sample: the packetizers are shared by every
 * session and keep no state of their own. A packetizer takes the set at the start of a sample and
 * is done with it when it returns; sinks never packetize, so no call nests inside another.
 */
final class PacketizerScratch {

    /** The largest payload header of a fixed-header format (AAC's AU headers, MPEG audio, H.263). */
    static final int MAX_HEADER = 16;

    private static final ThreadLocal<PacketizerScratch> CURRENT = ThreadLocal.withInitial(PacketizerScratch::new);

    private final ByteBuffer header = ByteBuffer.allocate(MAX_HEADER);
    private final ByteBuffer fragmentHeaders = ByteBuffer.allocate(MAX_HEADER);
    private final byte[][] nalHeaders = {new byte[0], new byte[1], new byte[2]};
    private final LengthPrefixedNals nals = new LengthPrefixedNals();

    private PacketizerScratch() {
    }

    /** @return this thread's set */
    static PacketizerScratch current() {
        return CURRENT.get();
    }

    /** @return an empty buffer of {@code size} bytes (at most {@link #MAX_HEADER}) for a payload header */
    ByteBuffer header(int size) {
        return header.clear().limit(size);
    }

    /** @return an empty buffer of {@code size} bytes for the payload and FU headers of NAL fragments */
    ByteBuffer fragmentHeaders(int size) {
        return fragmentHeaders.clear().limit(size);
    }

    /** @return a byte array of {@code size} (1 or 2) to read NAL headers into */
    byte[] nalHeader(int size) {
        return nalHeaders[size];
    }

    /** @return the NAL table, to be filled by {@link LengthPrefixedNals#locate} */
    LengthPrefixedNals nals() {
        return nals;
    }
}
