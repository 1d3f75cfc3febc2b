package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;

import org.junit.Test;

/**
 * The packetizers are on every session's send path: once warmed up they allocate at most one small
 * view of each sample (no header buffer, no NAL table, nothing per packet), measured with the JVM's
 * per-thread allocation counter around many samples.
 */
public class PacketizerAllocationTest {

    private static final int SAMPLES = 20_000;
    /** One duplicate ByteBuffer of the sample (about 48 bytes with compressed oops), with slack. */
    private static final long MAX_BYTES_PER_SAMPLE = 64;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    public void aacAllocatesNoHeaderPerSample() throws Exception {
        ByteBuffer sample = ByteBuffer.allocate(300);
        assertAllocationPerSample(new AacPacketizer(RtpPacketizer.DEFAULT_MAX_PAYLOAD), sample, 1);
    }

    @Test
    public void h264AllocatesNoNalTableNorFragmentHeaderPerSample() throws Exception {
        // two NAL units: a 3,000-byte non-IDR slice (three fragmentation units) and a 40-byte SEI
        // (a key frame would also send the parameter sets, from views made for that frame only)
        ByteBuffer sample = ByteBuffer.allocate(4 + 3000 + 4 + 40);
        sample.putInt(3000).put((byte) 0x41).position(4 + 3000);
        sample.putInt(40).put((byte) 0x06).clear();
        byte[] sps = {0x67, 0x42, 0x00, 0x1e};
        byte[] pps = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
        assertAllocationPerSample(new H264Packetizer(RtpPacketizer.DEFAULT_MAX_PAYLOAD, List.of(sps, pps)), sample,
                3 + 1);
    }

    private void assertAllocationPerSample(RtpPacketizer packetizer, ByteBuffer sample, int packetsPerSample)
            throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(2048);
        int[] packets = {0};
        PayloadSink sink = (header, body, marker) -> {
            packet.clear();
            copy(header, packet);
            copy(body, packet);
            packets[0]++;
        };
        for (int i = 0; i < SAMPLES; i++) {
            packetizer.packetize(sample, sink);
        }
        packets[0] = 0;
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < SAMPLES; i++) {
            packetizer.packetize(sample, sink);
        }
        long perSample = (threads.getThreadAllocatedBytes(thread) - before) / SAMPLES;
        assertEquals("every payload reached the sink", (long) SAMPLES * packetsPerSample, packets[0]);
        assertTrue(perSample + " bytes allocated per sample", perSample <= MAX_BYTES_PER_SAMPLE);
        assertEquals("the sample's position is kept", 0, sample.position());
    }

    /** TrackOutput's copy: from the array when there is one, nothing for an empty (read-only) header. */
    private static void copy(ByteBuffer from, ByteBuffer to) {
        if (from.hasArray()) {
            to.put(from.array(), from.arrayOffset() + from.position(), from.remaining());
        } else if (from.hasRemaining()) {
            throw new AssertionError("a non-empty payload part the sink cannot copy from its array");
        }
    }
}
