package org.tributary.rtsp.internal.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.ResponseStream;
import org.tributary.rtsp.internal.guard.OutboundGuard;
import org.tributary.security.RefusalLog;

/**
 * A streamed answer's body on a connection. Each write wraps the caller's buffer without copying and is
 * flushed at once; {@link #write} reports the connection's writability (the {@link OutboundGuard}'s water
 * mark). A writer that ignores it is stopped at {@link #HARD_BOUND} bytes queued: the connection is closed,
 * so its memory stays bounded. Writes from a thread other than the connection's cost a task hand-off each.
 */
final class NettyResponseStream implements ResponseStream {

    /** Queued bytes beyond which the connection is closed: four times the high-water mark. */
    static final long HARD_BOUND = 4L * OutboundGuard.WATER_MARK.high();

    private static final Logger LOG = LoggerFactory.getLogger(NettyResponseStream.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final Channel channel;
    private final AtomicLong queued = new AtomicLong();
    private final List<Runnable> writableActions = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    NettyResponseStream(Channel channel) {
        this.channel = channel;
        channel.closeFuture().addListener(closed -> open = false);
    }

    @Override
    public boolean write(ByteBuffer data) {
        if (!isOpen()) {
            return false;
        }
        int size = data.remaining();
        if (queued.addAndGet(size) > HARD_BOUND) {
            open = false;
            REFUSALS.info(channel.remoteAddress(), "Closing the streamed answer to {}: {} bytes queued, over the "
                    + "bound of {} (the writer did not wait for the connection to drain)", channel.remoteAddress(),
                    queued.get() - size, HARD_BOUND);
            channel.close();
            return false;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(data)).addListener(written -> queued.addAndGet(-size));
        return channel.isWritable();
    }

    @Override
    public boolean writable() {
        return isOpen() && channel.isWritable();
    }

    @Override
    public void onWritable(Runnable action) {
        writableActions.add(action);
    }

    @Override
    public boolean isOpen() {
        return open && channel.isActive();
    }

    @Override
    public void close() {
        open = false;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** On the connection's loop: the outbound buffer drained below its low-water mark. */
    void writabilityChanged() {
        if (!channel.isWritable() || !isOpen()) {
            return;
        }
        for (Runnable action : writableActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An onWritable action of the streamed answer to {} failed; closing it",
                        channel.remoteAddress(), e);
                channel.close();
                return;
            }
        }
    }
}
