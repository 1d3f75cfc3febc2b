package org.tributary.itests.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;

/**
 * Reads a TCP connection registered with the {@link UdpReceiver}'s selector when it is readable: an RTSP
 * connection carrying interleaved RTP, or one only watched for its close. It handles its own I/O errors.
 */
@FunctionalInterface
interface ConnectionReader {

    /** Reads what is there, on the receiver thread, with {@code scratch} as a buffer it may clear and fill. */
    void onReadable(SelectionKey key, ByteBuffer scratch);
}
