package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessMode;
import org.tributary.api.MediaException;
import org.tributary.api.Publication;
import org.tributary.api.UserPrincipal;
import org.tributary.rtp.rtsp.PortPair;
import org.tributary.rtp.rtsp.RtspHeaderException;
import org.tributary.rtp.rtsp.RtspUri;
import org.tributary.rtp.rtsp.SessionHeader;
import org.tributary.rtp.rtsp.TransportSpec;
import org.tributary.security.RefusalLog;

/**
 * ANNOUNCE, SETUP (mode=record) and RECORD of one connection: a publisher pushes a broadcast to a
 * live source. ANNOUNCE needs WRITE access to the path; the announced publication waits on the
 * connection for its first SETUP, which creates the publishing session.
 */
final class PublishMethods {

    private static final Logger LOG = LoggerFactory.getLogger(PublishMethods.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    /** An announced broadcast waiting for its SETUPs. */
    private record Announced(Publication publication, Optional<UserPrincipal> user) {
    }

    private final ServerContext context;
    private final Channel channel;
    private final Map<String, Announced> announced = new HashMap<>();

    PublishMethods(ServerContext context, Channel channel) {
        this.context = context;
        this.channel = channel;
    }

    FullHttpResponse announce(FullHttpRequest request) throws RtspException, RtspHeaderException, AccessRefused {
        RtspUri uri = RtspUri.parse(request.uri());
        Optional<UserPrincipal> user = context.authorize(request, channel, uri.path(), AccessMode.WRITE,
                Optional.empty());
        String type = request.headers().get(RtspHeaders.CONTENT_TYPE, "");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sdp")) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_MEDIA_TYPE,
                    "ANNOUNCE needs an application/sdp body, not '" + type + "'");
        }
        String sdp = request.content().toString(StandardCharsets.UTF_8);
        Publication publication;
        try {
            publication = context.mounts().publish(uri.path(), sdp, client());
        } catch (MediaException e) {
            throw refused(uri.path(), e);
        }
        Announced previous = announced.put(uri.path(), new Announced(publication, user));
        if (previous != null) {
            previous.publication().close();
        }
        LOG.info("{} announced {}{}", client(), uri.path(), user.map(u -> " as " + u.name()).orElse(""));
        return RtspRequestHandler.status(RtspResponseStatuses.OK);
    }

    private static RtspException refused(String path, MediaException e) {
        HttpResponseStatus status = switch (e.reason()) {
            case BUSY -> HttpResponseStatus.CONFLICT;
            case INVALID -> RtspResponseStatuses.BAD_REQUEST;
            case NOT_FOUND -> RtspResponseStatuses.NOT_FOUND;
            default -> RtspResponseStatuses.UNSUPPORTED_MEDIA_TYPE;
        };
        REFUSALS.info(path, "ANNOUNCE of {} refused: {}", path, e.getMessage());
        return new RtspException(status, e.getMessage());
    }

    CompletionStage<FullHttpResponse> setup(FullHttpRequest request, RtspUri uri, TransportSpec spec)
            throws RtspException, RtspHeaderException, AccessRefused {
        ServerSession existing = context.session(request, channel);
        if (existing != null && !(existing instanceof RecordSession)) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "mode=record on a playing session");
        }
        RecordSession session = (RecordSession) existing;
        if (session == null) {
            String path = announcedPath(uri.path());
            Announced pending = path == null ? null : announced.remove(path);
            if (pending == null) {
                throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID,
                        "SETUP mode=record of " + uri.path() + " without ANNOUNCE");
            }
            try {
                session = context.sessions().add(id -> new RecordSession(id, path, client(), pending.user(),
                        pending.publication(), channel, context.sessions()::closed), 0, path + " from " + client());
                session.claim(SessionOwner.of(channel, AccessMode.WRITE));
                session.userAgent(request.headers().get(RtspHeaders.USER_AGENT));
            } catch (RtspException refused) {
                pending.publication().close();
                throw refused;
            }
            session.followPublication();
        } else if (!within(uri.path(), session.path())) {
            throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED, "another path");
        }
        int track = trackOf(session.publication().controls(), request.uri(), uri);
        if (session.isSetUp(track)) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "track already set up");
        }
        RecordSession recording = session;
        if (spec.lowerTransport() == TransportSpec.LowerTransport.TCP) {
            PortPair channels = spec.interleaved() != null ? spec.interleaved() : new PortPair(2 * track, 2 * track + 1);
            if (channels.rtcp() > 255 || recording.usesChannel(channels.rtp()) || recording.usesChannel(channels.rtcp())) {
                throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "interleaved channels in use");
            }
            recording.addInterleaved(track, channels.rtp(), channels.rtcp());
            return CompletableFuture.completedFuture(answer(recording,
                    "RTP/AVP/TCP;unicast;interleaved=" + channels.rtp() + "-" + channels.rtcp() + ";mode=record"));
        }
        return udp(recording, track, spec);
    }

    /** Receives a track on a UDP port pair, open only to the publisher's ports and SSRC ({@link PublisherInlet}). */
    private CompletionStage<FullHttpResponse> udp(RecordSession session, int track, TransportSpec spec)
            throws RtspException {
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "UDP record over a tunnel");
        }
        PortPair client = spec.clientPort();
        PublisherInlet inlet = new PublisherInlet(session, track, remote.getAddress(), client, spec.ssrc());
        CompletableFuture<FullHttpResponse> result = new CompletableFuture<>();
        UdpTransport.openInbound(channel.eventLoop(), context.ports(), context.mediaAddress(channel),
                remote.getAddress(), client == null ? 0 : client.rtp(), client == null ? 0 : client.rtcp(),
                inlet::rtp, inlet::rtcp).addListener(f -> {
                    if (f.isSuccess()) {
                        UdpTransport transport = (UdpTransport) f.getNow();
                        session.addUdp(track, transport);
                        result.complete(answer(session, "RTP/AVP;unicast;"
                                + (client == null ? "" : "client_port=" + client.rtp() + "-" + client.rtcp() + ";")
                                + "server_port=" + transport.serverPort() + "-" + (transport.serverPort() + 1)
                                + ";mode=record"));
                    } else {
                        result.complete(PortPairBinder.refusal(session, "publishing session", f.cause()));
                    }
                });
        return result;
    }

    /**
     * The announced path a SETUP URL belongs to: publishers name tracks with controls of their own
     * ({@code streamid=0}, GStreamer's {@code stream=0}…) appended to the announced URL.
     */
    private String announcedPath(String setupPath) {
        for (String path : announced.keySet()) {
            if (within(setupPath, path)) {
                return path;
            }
        }
        return null;
    }

    private static boolean within(String setupPath, String announcedPath) {
        return setupPath.equals(announcedPath) || setupPath.startsWith(announcedPath + "/");
    }

    /** Finds the announced track a SETUP URL names: its control, as a last segment or a whole URL. */
    private static int trackOf(List<String> controls, String requestUri, RtspUri uri) throws RtspException {
        String last = requestUri.substring(requestUri.lastIndexOf('/') + 1);
        for (int i = 0; i < controls.size(); i++) {
            String control = controls.get(i);
            if (control.equals(last) || control.equals(requestUri) || requestUri.endsWith("/" + control)) {
                return i;
            }
        }
        if (controls.size() == 1 && uri.trackId().isEmpty()) {
            return 0;
        }
        throw new RtspException(RtspResponseStatuses.NOT_FOUND, "no announced track at " + requestUri);
    }

    private FullHttpResponse answer(RecordSession session, String transport) {
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        if (transport != null) {
            response.headers().set(RtspHeaders.TRANSPORT, transport);
        }
        response.headers().set(RtspHeaders.SESSION,
                SessionHeader.of(session.id(), context.sessions().timeoutSeconds()).toString());
        return response;
    }

    /** @param session the request's session, checked to be the client's */
    FullHttpResponse record(ServerSession session) throws RtspException {
        if (!(session instanceof RecordSession recording)) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "RECORD without ANNOUNCE and SETUP");
        }
        recording.record();
        LOG.info("Publishing session {} of {} records {}", recording.id(), recording.clientAddress(), recording.path());
        return answer(recording, null);
    }

    /** PAUSE of a publisher (GStreamer sends one at its end of stream): the broadcast waits for RECORD or TEARDOWN. */
    FullHttpResponse pause(RecordSession session) {
        session.pause();
        return answer(session, null);
    }

    /** @return true when the request's session was a publishing one, now ended */
    boolean teardown(ServerSession session) {
        if (session instanceof RecordSession recording) {
            recording.teardown();
            return true;
        }
        return false;
    }

    /** @return true when the frame belonged to a publishing session of this connection */
    boolean interleaved(int channelId, ByteBuf payload) {
        for (ServerSession session : context.sessions().onConnection(channel)) {
            if (session instanceof RecordSession recording && recording.usesChannel(channelId)) {
                recording.interleaved(channelId, payload);
                return true;
            }
        }
        return false;
    }

    /** The connection closed: broadcasts announced but never set up end too. */
    void connectionClosed() {
        announced.values().forEach(a -> a.publication().close());
        announced.clear();
    }

    private String client() {
        return ServerContext.clientName(channel);
    }
}
