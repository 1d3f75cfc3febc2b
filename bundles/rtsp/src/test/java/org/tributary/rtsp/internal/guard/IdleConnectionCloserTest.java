package org.tributary.rtsp.internal.guard;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.guard.EmbeddedTime.after;

import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;

/** A silent connection is closed after the idle timeout unless it carries a session. */
public class IdleConnectionCloserTest {

    private final AtomicBoolean inUse = new AtomicBoolean();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleConnectionCloser(5000, c -> inUse.get()));
        return channel;
    }

    @Test
    public void aSilentConnectionWithoutASessionIsClosed() {
        EmbeddedChannel channel = channel();
        after(channel, 4);
        assertTrue(channel.isActive());
        after(channel, 2);
        assertFalse(channel.isActive());
    }

    @Test
    public void aConnectionTheServerStoppedReadingIsLeftToTheDrainTimeout() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new OutboundGuard(() -> ConnectionTimeouts.DEFAULTS))
                .addLast(new IdleConnectionCloser(5000, c -> false));
        channel.write(Unpooled.wrappedBuffer(new byte[70 * 1024]));
        after(channel, 6);
        assertTrue("not read from, so not idle", channel.isActive());
        channel.flush();
        after(channel, 6);
        assertFalse(channel.isActive());
        channel.finishAndReleaseAll();
    }

    @Test
    public void readsKeepItOpen() {
        EmbeddedChannel channel = channel();
        for (int i = 0; i < 5; i++) {
            after(channel, 4);
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'x'}));
            channel.releaseInbound();
        }
        assertTrue(channel.isActive());
    }

    @Test
    public void aSessionKeepsAQuietConnectionOpenUntilItEnds() {
        EmbeddedChannel channel = channel();
        inUse.set(true);
        after(channel, 12);
        assertTrue(channel.isActive());
        inUse.set(false);
        after(channel, 6);
        assertFalse(channel.isActive());
    }
}
