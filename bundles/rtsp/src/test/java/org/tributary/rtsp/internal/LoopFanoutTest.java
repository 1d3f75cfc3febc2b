package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import org.junit.After;
import org.junit.Test;

/** A loop's viewers get their copies of a packet from one task on that loop, then one flush each. */
public class LoopFanoutTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final CountDownLatch busy = new CountDownLatch(1);

    @After
    public void tearDown() {
        busy.countDown();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    static ByteBuffer packet(int sequence) {
        ByteBuffer p = ByteBuffer.allocateDirect(14);
        p.put((byte) 0x80).put((byte) 96).putShort((short) sequence).putInt(sequence * 3000).putInt(7).put((byte) 1)
                .put((byte) 2);
        return p.flip().asReadOnlyBuffer();
    }

    /**
     * Keeps the loop busy until {@link #busy} is counted down, so that tasks queue up behind; returns once the
     * loop runs the blocking task, so that it is not counted among the pending ones.
     */
    static void block(DefaultEventLoop loop, CountDownLatch busy) {
        CountDownLatch running = new CountDownLatch(1);
        loop.execute(() -> {
            running.countDown();
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            running.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    public void oneTaskPerLoopRelaysEveryViewersCopiesAndFlushesEachViewerOnce() {
        List<LoopTransport> transports = List.of(new LoopTransport(loop), new LoopTransport(loop),
                new LoopTransport(loop));
        List<TrackOutput> outputs = transports.stream().map(t -> new TrackOutput(1, t, "trackID=1")).toList();
        block(loop, busy);
        Object lock = new Object();
        for (int sequence = 100; sequence < 104; sequence++) {
            ByteBuffer shared = packet(sequence);
            for (TrackOutput output : outputs) {
                output.fanout().relay(lock, output, shared);
            }
        }
        assertEquals("12 copies, one task", 1, loop.pendingTasks());
        busy.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> transports.stream().allMatch(t -> t.flushes.get() == 1));
        for (int i = 0; i < outputs.size(); i++) {
            LoopTransport transport = transports.get(i);
            int first = outputs.get(i).nextSequence() - 4;
            assertEquals("in order, under the viewer's own numbering",
                    List.of("rtp " + (first & 0xFFFF), "rtp " + ((first + 1) & 0xFFFF), "rtp " + ((first + 2) & 0xFFFF),
                            "rtp " + ((first + 3) & 0xFFFF)), transport.sent);
            assertTrue("sent on the viewer's loop", transport.threads.stream().allMatch(loop::inEventLoop));
        }
    }

    @Test
    public void aViewerWhoseCopiesWaitOnABusyLoopLosesTheNextFrameUntilTheyAreRelayed() {
        LoopTransport transport = new LoopTransport(loop);
        TrackOutput output = new TrackOutput(1, transport, "trackID=1");
        block(loop, busy);
        Object lock = new Object();
        ByteBuffer large = ByteBuffer.allocateDirect(1400).put(0, (byte) 0x80).put(1, (byte) 96).asReadOnlyBuffer();
        assertTrue(output.readyForFrame());
        for (long queued = 0; queued < TrackOutput.MAX_FANOUT_BACKLOG; queued += large.remaining()) {
            output.fanout().relay(lock, output, large);
        }
        assertFalse("the copies waiting on the loop count, though the channel is writable", output.readyForFrame());
        assertEquals(1, output.droppedFrames());
        busy.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(output::readyForFrame);
    }

    @Test
    public void aLoopHasOneFanout() {
        assertSame(LoopFanout.of(loop), LoopFanout.of(loop));
    }
}
