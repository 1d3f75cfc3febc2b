package org.tributary.rtsp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ObjectPool;
import io.netty.util.internal.PlatformDependent;
import org.slf4j.LoggerFactory;
import org.tributary.api.loop.LoopWakes;
import org.tributary.security.RefusalLog;

/**
 * The live fan-out of one event loop: copies of broadcast packets for the viewers whose sockets the loop
 * owns, queued from any thread, relayed by one task per loop however many viewers wait, then one flush per
 * viewer. A publisher on another loop (or a playlist's or a station's own thread) thus hands each loop one
 * task per packet instead of a write and a flush task per viewer; a publisher on this loop finishes the
 * fan-out to the other loops before its own viewers are served, after the read that brought the packet.
 */
final class LoopFanout implements LoopWakes.Wakeable {

    // a failure that repeats for every packet is logged once per interval, with the count of the rest
    private static final RefusalLog FAILURES = new RefusalLog(LoggerFactory.getLogger(LoopFanout.class));
    private static final ConcurrentMap<EventExecutor, LoopFanout> LOOPS = new ConcurrentHashMap<>();
    private static final ObjectPool<Copy> COPIES = ObjectPool.newPool(Copy::new);

    private final EventExecutor loop;
    private final Queue<Copy> queued = PlatformDependent.newMpscQueue();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    // the rest is the loop's own
    private final List<TrackOutput> touched = new ArrayList<>();
    private ByteBuffer lastPacket;
    private ByteBuf lastShared;

    private LoopFanout(EventExecutor loop) {
        this.loop = loop;
    }

    /** @return the fan-out of a loop, the same one for every caller until the loop terminates */
    static LoopFanout of(EventExecutor loop) {
        LoopFanout fanout = LOOPS.get(loop);
        if (fanout != null) {
            return fanout;
        }
        LoopFanout created = new LoopFanout(loop);
        fanout = LOOPS.putIfAbsent(loop, created);
        if (fanout != null) {
            return fanout;
        }
        try {
            loop.terminationFuture().addListener(done -> LOOPS.remove(loop, created));
        } catch (UnsupportedOperationException neverTerminates) {
            // an embedded (test) loop: it stays
        }
        return created;
    }

    /**
     * Queues one viewer's copy of a shared packet and wakes the loop unless a wake is pending.
     *
     * @param lock   held while the output relays it (the viewer's session)
     * @param packet the broadcast's read-only packet, the same object for every viewer; not modified
     */
    void relay(Object lock, TrackOutput output, ByteBuffer packet) {
        Copy copy = COPIES.get();
        copy.lock = lock;
        copy.output = output;
        copy.packet = packet;
        output.fanoutBacklog(packet.remaining());
        queued.offer(copy);
        LoopWakes.wake(this);
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public boolean claimWake() {
        return wakePending.compareAndSet(false, true);
    }

    /** Relays every queued copy, then flushes each viewer that got one. */
    @Override
    public void woken() {
        // cleared first: a copy queued from now on either is relayed below or wakes the loop again
        wakePending.set(false);
        for (Copy copy = queued.poll(); copy != null; copy = queued.poll()) {
            relay(copy);
        }
        for (TrackOutput output : touched) {
            output.flushRelayed();
        }
        touched.clear();
        // the packet's chunk of memory is not kept alive by an idle loop
        lastPacket = null;
        lastShared = null;
    }

    private void relay(Copy copy) {
        TrackOutput output = copy.output;
        output.fanoutBacklog(-copy.packet.remaining());
        try {
            synchronized (copy.lock) {
                output.relay(shared(copy.packet));
            }
            if (output.queueFlush()) {
                touched.add(output);
            }
        } catch (RuntimeException e) {
            FAILURES.warn(loop, "A viewer's copy of a live packet was not sent", e);
        } finally {
            copy.recycle();
        }
    }

    /** @return the packet as a buffer, wrapped once for all of this loop's viewers */
    private ByteBuf shared(ByteBuffer packet) {
        if (packet != lastPacket) {
            lastPacket = packet;
            lastShared = Unpooled.wrappedBuffer(packet);
        }
        return lastShared;
    }

    /** One queued copy; recycled, so that a copy costs no allocation once the pool is warm. */
    private static final class Copy {
        private final ObjectPool.Handle<Copy> handle;
        Object lock;
        TrackOutput output;
        ByteBuffer packet;

        Copy(ObjectPool.Handle<Copy> handle) {
            this.handle = handle;
        }

        void recycle() {
            lock = null;
            output = null;
            packet = null;
            handle.recycle(this);
        }
    }
}
