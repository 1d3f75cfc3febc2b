package org.tributary.rtsp.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;

/** A transport of an event loop that keeps, in order, what it was asked to send ("rtp 123", "rtcp 200"). */
final class LoopTransport implements MediaTransport {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    private final EventExecutor loop;

    LoopTransport(EventExecutor loop) {
        this.loop = loop;
    }

    @Override
    public ByteBufAllocator alloc() {
        return UnpooledByteBufAllocator.DEFAULT;
    }

    @Override
    public EventExecutor executor() {
        return loop;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        record("rtp " + packet.getUnsignedShort(2), packet);
    }

    @Override
    public void sendRtcp(ByteBuf packet) {
        record("rtcp " + packet.getUnsignedByte(1), packet);
    }

    private void record(String what, ByteBuf packet) {
        threads.add(Thread.currentThread());
        sent.add(what);
        packet.release();
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public String responseHeader() {
        return "RTP/AVP";
    }

    @Override
    public String kind() {
        return "fake";
    }

    @Override
    public void close() {
    }
}
