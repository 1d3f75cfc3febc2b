package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.junit.Test;

/** What happens to an RTSPS connection when its handshake ends. */
public class TlsHandshakeWatcherTest {

    private final LongAdder failures = new LongAdder();

    @Test
    public void aFailedHandshakeClosesAndCountsOnce() {
        EmbeddedChannel channel = new EmbeddedChannel(new TlsHandshakeWatcher(failures));
        channel.pipeline().fireUserEventTriggered(new SslHandshakeCompletionEvent(new ClosedChannelException()));
        channel.pipeline().fireUserEventTriggered(new SslHandshakeCompletionEvent(new ClosedChannelException()));
        assertFalse(channel.isOpen());
        assertEquals(1, failures.sum());
    }

    @Test
    public void aGoodHandshakeStepsAside() {
        EmbeddedChannel channel = new EmbeddedChannel(new TlsHandshakeWatcher(failures));
        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        assertTrue(channel.isOpen());
        assertNull(channel.pipeline().get(TlsHandshakeWatcher.class));
        assertEquals(0, failures.sum());
    }

    @Test
    public void anErrorBeforeTheHandshakeEndedClosesWithoutReachingTheRtspHandlers() {
        EmbeddedChannel channel = new EmbeddedChannel(new TlsHandshakeWatcher(failures));
        channel.pipeline().fireExceptionCaught(new DecoderException(new NotSslRecordException("x")));
        assertFalse(channel.isOpen());
        channel.checkException(); // nothing reached the end of the pipeline
    }

    @Test
    public void causesAreShortAndReadable() {
        String hexDump = "not an SSL/TLS record: " + "4f".repeat(5000);
        String logged = TlsHandshakeWatcher.shortCause(new DecoderException(new NotSslRecordException(hexDump)));
        assertTrue(logged, logged.startsWith("NotSslRecordException: not an SSL/TLS record: 4f4f"));
        assertTrue(logged, logged.length() <= 121);
        assertEquals("the client closed the connection before the handshake ended",
                TlsHandshakeWatcher.shortCause(new ClosedChannelException()));
    }
}
