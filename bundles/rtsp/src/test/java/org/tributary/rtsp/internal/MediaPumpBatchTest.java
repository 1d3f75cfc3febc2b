package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.After;
import org.junit.Test;
import org.tributary.rtp.PayloadFormats;

/**
 * Sessions playing on one loop in step share its pacing ticks: what they send in one tick leaves
 * in one flush pass, so a socket shared by them flushes the packets of all of them at once.
 */
public class MediaPumpBatchTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();

    @After
    public void tearDown() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** One socket for every session: records which SSRCs each flush sent. */
    private static final class SharedTransport implements MediaTransport {
        final List<Set<Integer>> flushes = new CopyOnWriteArrayList<>();
        private final Set<Integer> written = new HashSet<>();
        volatile int packets;

        public ByteBufAllocator alloc() { return UnpooledByteBufAllocator.DEFAULT; }
        public EventExecutor executor() { return ImmediateEventExecutor.INSTANCE; }
        public boolean writable() { return true; }
        public void sendRtp(ByteBuf packet) {
            written.add(packet.getInt(8));
            packet.release();
            packets++;
        }
        public void sendRtcp(ByteBuf packet) { packet.release(); }
        public void flush() {
            if (!written.isEmpty()) {
                flushes.add(Set.copyOf(written));
                written.clear();
            }
        }
        public String responseHeader() { return "RTP/AVP"; }
        public String kind() { return "fake"; }
        public void close() { }
    }

    private RtspSession session(String id, SharedTransport transport) throws Exception {
        FakeMovie movie = new FakeMovie();
        RtspSession session = new RtspSession(id, "/movie.mp4", "127.0.0.1", Optional.empty(), movie, loop, s -> { });
        session.addTrack(new TrackOutput(PayloadFormats.forTracks(movie.tracks()).get(0), transport, "trackID=1"));
        return session;
    }

    @Test
    public void sessionsInStepLeaveInOneFlush() throws Exception {
        SharedTransport transport = new SharedTransport();
        RtspSession first = session("A", transport);
        RtspSession second = session("B", transport);
        loop.submit(() -> {
            first.play(0, Double.POSITIVE_INFINITY);
            second.play(0, Double.POSITIVE_INFINITY);
            return null;
        }).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> transport.packets == 2 * FakeMovie.FRAMES);
        loop.submit(() -> { }).get();
        long shared = transport.flushes.stream().filter(f -> f.size() == 2).count();
        assertTrue(shared + " of " + transport.flushes.size() + " flushes sent both sessions' packets",
                shared * 2 >= transport.flushes.size());
    }
}
