package org.tributary.source.live.internal.sdp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.LivePresentation;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * A feed source on a fake clock over a temporary media folder, with real UDP ports on 127.0.0.1:
 * the base of the tests that start feeds.
 */
public abstract class FeedTestSupport {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    protected final AtomicLong clock = new AtomicLong();
    protected Path media;
    protected SdpFeedSource source;

    @Before
    public void createSource() throws IOException {
        media = temp.newFolder("media").toPath();
        source = new SdpFeedSource(clock::get);
        source.configure(settings(30, 20));
    }

    @After
    public void stopSource() {
        source.stop();
    }

    protected SdpSettings settings(int idleSeconds, int publisherTimeout) {
        return new SdpSettings(media, idleSeconds, publisherTimeout, 16384, "");
    }

    protected void advance(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    /** Writes {@code media/NAME} and returns NAME. */
    protected String file(String name, String text) throws IOException {
        Files.writeString(media.resolve(name), text);
        return name;
    }

    protected LivePresentation open(String path) throws MediaException {
        return (LivePresentation) source.open(path);
    }

    protected void assertRefused(Reason reason, String path, String... inMessage) {
        MediaException e = assertThrows(MediaException.class, () -> source.open(path));
        assertEquals(e.getMessage(), reason, e.reason());
        for (String part : inMessage) {
            if (!e.getMessage().contains(part)) {
                throw new AssertionError(e.getMessage() + " should say " + part);
            }
        }
    }

    /** Sends one datagram from {@code fromHost} (any port) to 127.0.0.1:{@code port}. */
    protected static void send(String fromHost, int port, ByteBuffer datagram) throws IOException {
        try (DatagramChannel sender = DatagramChannel.open().bind(new InetSocketAddress(fromHost, 0))) {
            sender.send(datagram, new InetSocketAddress("127.0.0.1", port));
        }
    }
}
