package org.tributary.rtp.internal;

import java.nio.ByteBuffer;

import org.tributary.rtp.PayloadSink;

/**
 * Cuts a sample into payloads that each start with a payload header of a fixed size (AAC's AU
 * headers, MPEG audio's fragment offset) followed by as much of the sample as the budget leaves.
 */
public final class FixedHeaderFragments {

    /** Writes the payload header of the fragment that starts {@code offset} bytes into the sample. */
    @FunctionalInterface
    public interface HeaderWriter {
        /**
         * @param header     an empty buffer of the header size, to fill completely
         * @param sampleSize the size of the whole sample
         * @param offset     the fragment's offset from the start of the sample
         */
        void write(ByteBuffer header, int sampleSize, int offset);
    }

    private FixedHeaderFragments() {
    }

    /**
     * @param sample         the sample from its position to its limit; neither is changed
     * @param maxPayloadSize the largest payload, header included
     * @param headerSize     the size of every payload header
     * @param writer         fills each fragment's header; one that captures nothing costs no allocation per sample
     * @param markLast       true to set the marker bit on the last fragment
     * @param sink           receives the payloads
     */
    public static void send(ByteBuffer sample, int maxPayloadSize, int headerSize, HeaderWriter writer,
                            boolean markLast, PayloadSink sink) {
        ByteBuffer header = PacketizerScratch.current().header(headerSize);
        // a duplicate, not a read-only view: a heap sample's array stays reachable for the sink's copy
        ByteBuffer view = sample.duplicate();
        int chunk = maxPayloadSize - headerSize;
        int start = sample.position();
        int end = sample.limit();
        for (int at = start; at < end; at += chunk) {
            int fragmentEnd = Math.min(end, at + chunk);
            header.clear().limit(headerSize);
            writer.write(header, end - start, at - start);
            header.flip();
            view.limit(fragmentEnd).position(at);
            sink.payload(header, view, markLast && fragmentEnd == end);
        }
    }
}
