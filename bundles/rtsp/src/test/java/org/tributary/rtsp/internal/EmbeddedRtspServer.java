package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.rules.ExternalResource;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MountRegistry;
import org.tributary.api.Publication;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;
import org.tributary.rtp.UdpPortPool;
import org.tributary.rtsp.internal.auth.DigestAuthenticator;
import org.tributary.rtsp.internal.auth.DigestOptions;
import org.tributary.rtsp.internal.http.HttpHandlers;

/**
 * One RTSP connection's whole pipeline on an {@link EmbeddedChannel}, no sockets: the
 * {@link FakeMovie} at /movie.mp4 and /private/movie.mp4, a corrupt and a non-movie file, and the
 * {@link FakeAccess} rules. Requests go in as text and the output comes back as text.
 */
final class EmbeddedRtspServer extends ExternalResource {

    final List<StreamSession> registered = new ArrayList<>();
    /** The refusals counted, as {@code "PROTOCOL STATUS"}. */
    final List<String> refusals = new ArrayList<>();
    final FakeAccess access = new FakeAccess();
    private ScheduledExecutorService timer;
    EmbeddedChannel channel;
    /** The pipeline factory behind {@link #channel}, for tests that serve real sockets with it. */
    RtspChannelInitializer initializer;
    /** The HTTP handlers of the port, empty unless a test adds some. */
    final HttpHandlers httpHandlers = new HttpHandlers();

    @Override
    protected void before() {
        timer = Executors.newSingleThreadScheduledExecutor();
        SessionRegistry registry = new SessionRegistry() {
            public void add(StreamSession s) { registered.add(s); }
            public void remove(StreamSession s) { registered.remove(s); }
            public List<StreamSession> sessions() { return registered; }
            public Optional<StreamSession> find(String id) { return Optional.empty(); }
        };
        RtspSessions sessions = new RtspSessions(registry, timer, 60);
        ServerContext context = new ServerContext(new FakeMounts(), access, new RtspAuthorizer(access,
                new DigestAuthenticator(DigestOptions.defaults()), RtspAuthorizer.Scheme.BOTH), sessions,
                new UdpPortPool(30000, 30099), "127.0.0.1", PresentationOpener.direct());
        context.refusals().stats(new ServerStats() {
            public java.time.Instant started() { return java.time.Instant.EPOCH; }
            public void refused(String protocol, int status) { refusals.add(protocol + " " + status); }
            public Map<Integer, Long> refusals() { return Map.of(); }
            public Totals totals() { return new Totals(0, 0, 0, 0, 0); }
        });
        channel = new EmbeddedChannel();
        initializer = new RtspChannelInitializer(context, 30, httpHandlers);
        initializer.initChannel(channel);
        channel.pipeline().fireChannelActive();
    }

    @Override
    protected void after() {
        channel.finishAndReleaseAll();
        timer.shutdownNow();
    }

    /** @return another connection to the same server, from {@code host:port} */
    EmbeddedChannel connectFrom(String host, int port) {
        InetSocketAddress remote = new InetSocketAddress(host, port);
        EmbeddedChannel other = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
        initializer.initChannel(other);
        other.pipeline().fireChannelActive();
        return other;
    }

    /** Sends a request on another connection and returns everything the server wrote back on it so far. */
    static String send(EmbeddedChannel connection, String request) {
        connection.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        return output(connection);
    }

    /** Sends a request and returns everything the server wrote back so far. */
    String send(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        return output();
    }

    /** Runs due timers and returns what the server wrote since the last call. */
    String output() {
        return output(channel);
    }

    private static String output(EmbeddedChannel channel) {
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
        StringBuilder out = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) o;
            out.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return out.toString();
    }

    static String status(String response) {
        return response.isEmpty() ? "" : response.substring(0, response.indexOf("\r\n"));
    }

    /** @return the values of one header of a response, in order */
    static List<String> headers(String response, String name) {
        return response.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2)).toList();
    }

    private static final class FakeMounts implements MountRegistry {
        @Override
        public MediaPresentation open(String path) throws MediaException {
            switch (path) {
                case "/movie.mp4":
                case "/private/movie.mp4":
                    return new FakeMovie();
                case "/broken.mp4":
                    throw new MediaException(MediaException.Reason.CORRUPT, "broken.mp4: truncated moov");
                case "/notes.mp4":
                    throw new MediaException(MediaException.Reason.UNSUPPORTED, "notes.mp4 is not a movie");
                default:
                    throw new MediaException(MediaException.Reason.NOT_FOUND, path);
            }
        }

        @Override
        public Publication publish(String path, String sdp, String publisher) throws MediaException {
            throw new MediaException(MediaException.Reason.NOT_FOUND, "no live source at " + path);
        }

        @Override
        public Map<String, String> mounts() {
            return Map.of();
        }
    }
}
