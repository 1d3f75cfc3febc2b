package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import org.junit.After;
import org.junit.Test;

/** A live viewer's relay: no session lock on the publisher's per-frame question, and RTCP after the queued copies. */
public class LiveRelayTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final CountDownLatch busy = new CountDownLatch(1);
    private final Object sessionLock = new Object();
    private final LoopTransport transport = new LoopTransport(loop);
    private final TrackOutput output = new TrackOutput(1, transport, "trackID=1");
    private final LiveRelay relay = new LiveRelay(sessionLock, () -> new TrackOutput[] {output}, () -> { });

    @After
    public void tearDown() {
        busy.countDown();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    public void readyDoesNotWaitForTheSessionLock() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (sessionLock) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        holder.start();
        try {
            held.await();
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> relay.ready(0));
            await().atMost(2, TimeUnit.SECONDS).until(ready::isDone);
            assertTrue(ready.get());
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    public void aSenderReportFollowsTheCopiesQueuedBeforeIt() {
        LoopFanoutTest.block(loop, busy);
        relay.rtp(0, LoopFanoutTest.packet(10));
        relay.rtp(0, LoopFanoutTest.packet(11));
        relay.senderReport(0, 1L << 32, 30_000);
        busy.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> transport.sent.size() == 3);
        int first = output.nextSequence() - 2;
        assertEquals(List.of("rtp " + (first & 0xFFFF), "rtp " + ((first + 1) & 0xFFFF), "rtcp 200"), transport.sent);
    }

    @Test
    public void aTrackNotSetUpIsReadyAndGetsNothing() {
        relay.rtp(3, LoopFanoutTest.packet(10));
        assertTrue(relay.ready(3));
        assertEquals(0, loop.pendingTasks());
    }
}
