package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessMode;
import org.tributary.api.LivePresentation;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.UserPrincipal;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.rtsp.PortPair;
import org.tributary.rtp.rtsp.RangeHeader;
import org.tributary.rtp.rtsp.RtpInfoHeader;
import org.tributary.rtp.rtsp.RtspHeaderException;
import org.tributary.rtp.rtsp.RtspUri;
import org.tributary.rtp.rtsp.ScaleHeader;
import org.tributary.rtp.rtsp.SessionHeader;
import org.tributary.rtp.rtsp.TransportHeader;
import org.tributary.rtp.rtsp.TransportSpec;
import org.tributary.security.RefusalLog;

/** SETUP, PLAY, PAUSE, TEARDOWN and the keep-alive methods of one connection. */
final class SessionMethods {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMethods.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final int MAX_INTERLEAVED_CHANNEL = 255;

    private final ServerContext context;
    private final Channel channel;
    private final PublishMethods publishing;

    SessionMethods(ServerContext context, Channel channel, PublishMethods publishing) {
        this.context = context;
        this.channel = channel;
        this.publishing = publishing;
    }

    CompletionStage<FullHttpResponse> setup(FullHttpRequest request)
            throws RtspException, RtspHeaderException, AccessRefused {
        RtspUri uri = RtspUri.parse(request.uri());
        String transportValue = request.headers().get(RtspHeaders.TRANSPORT);
        if (transportValue == null) {
            throw new RtspException(RtspResponseStatuses.BAD_REQUEST, "SETUP without a Transport header");
        }
        TransportSpec spec = TransportHeader.parse(transportValue).select();
        if (spec.mode() == TransportSpec.Mode.RECORD) {
            return publishing.setup(request, uri, spec);
        }
        RtspSession existing = playing(request, context.session(request, channel));
        if (existing != null) {
            return setupTrack(existing, uri, spec, false);
        }
        Optional<UserPrincipal> user = context.authorize(request, channel, uri.path(), Optional.empty());
        return context.open(uri.path(), channel.eventLoop()).thenCompose(presentation -> RequestProcessor.attempt(
                () -> setupTrack(newSession(uri.path(), user, presentation, request), uri, spec, true)));
    }

    private CompletionStage<FullHttpResponse> setupTrack(RtspSession session, RtspUri uri, TransportSpec spec,
                                                         boolean created) throws RtspException {
        try {
            TrackChoice choice = choose(session, uri);
            CompletableFuture<FullHttpResponse> result = new CompletableFuture<>();
            if (spec.lowerTransport() == TransportSpec.LowerTransport.TCP) {
                InterleavedTransport transport = interleaved(session, spec);
                result.complete(setupDone(session, choice.output().apply(transport)));
            } else {
                openUdp(session, spec, choice, result);
            }
            if (created) {
                result.whenComplete((r, e) -> {
                    if (e != null || !r.status().equals(RtspResponseStatuses.OK)) {
                        session.close();
                    }
                });
            }
            return result;
        } catch (RtspException | RuntimeException e) {
            if (created) {
                session.close();
            }
            throw e;
        }
    }

    private RtspSession newSession(String path, Optional<UserPrincipal> user, MediaPresentation presentation,
                                   FullHttpRequest request) throws RtspException {
        if (!channel.isActive()) {
            // the client left while its presentation was being opened: no session to keep for it
            throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "connection closed during SETUP");
        }
        String client = ServerContext.clientName(channel);
        RtspSession session = context.sessions().create(path, client, user, presentation, channel.eventLoop());
        session.claim(SessionOwner.of(channel, AccessMode.READ));
        session.userAgent(request.headers().get(RtspHeaders.USER_AGENT));
        REFUSALS.info(client, "RTSP session {} opened by {} for {}", session.id(), client, path);
        return session;
    }

    /** The track a SETUP asked for, and how to build its output once the transport exists. */
    private record TrackChoice(String url, Function<MediaTransport, TrackOutput> output) {
    }

    private static TrackChoice choose(RtspSession session, RtspUri uri) throws RtspException {
        if (session.presentation() instanceof LivePresentation live) {
            if (!uri.path().equals(session.path())) {
                throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED,
                        "session " + session.id() + " plays " + session.path() + ", not " + uri.path());
            }
            int id = uri.trackId().orElse(live.trackCount() == 1 ? 1 : -1);
            if (id < 1 || id > live.trackCount()) {
                throw new RtspException(RtspResponseStatuses.NOT_FOUND, "no track " + id + " in " + uri.path());
            }
            if (session.isSetUp(id)) {
                throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "track already set up");
            }
            String url = uri.baseUrl() + "/trackID=" + id;
            return new TrackChoice(url, transport -> new TrackOutput(id, transport, url));
        }
        RtpTrack track = track(session, uri);
        String url = uri.baseUrl() + "/" + track.control();
        return new TrackChoice(url, transport -> new TrackOutput(track, transport, url));
    }

    private static RtpTrack track(RtspSession session, RtspUri uri) throws RtspException {
        List<RtpTrack> tracks;
        try {
            tracks = PayloadFormats.forTracks(session.presentation().tracks());
        } catch (IllegalArgumentException e) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        }
        if (!uri.path().equals(session.path())) {
            throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED,
                    "session " + session.id() + " plays " + session.path() + ", not " + uri.path());
        }
        OptionalInt id = uri.trackId();
        if (id.isEmpty() && tracks.size() != 1) {
            throw new RtspException(RtspResponseStatuses.AGGREGATE_OPERATION_NOT_ALLOWED,
                    "SETUP needs a track URL (…/trackID=N) for a presentation of " + tracks.size() + " tracks");
        }
        for (RtpTrack track : tracks) {
            if (id.isEmpty() || track.track().id() == id.getAsInt()) {
                if (session.isSetUp(track.track().id())) {
                    throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID, "track already set up");
                }
                return track;
            }
        }
        throw new RtspException(RtspResponseStatuses.NOT_FOUND, "no track " + id.getAsInt() + " in " + uri.path());
    }

    private InterleavedTransport interleaved(RtspSession session, TransportSpec spec) throws RtspException {
        PortPair channels = spec.interleaved();
        int rtp = channels != null ? channels.rtp() : 2 * session.outputs().size();
        int rtcp = channels != null ? channels.rtcp() : rtp + 1;
        if (rtp > MAX_INTERLEAVED_CHANNEL || rtcp > MAX_INTERLEAVED_CHANNEL) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "interleaved channel above 255");
        }
        for (ServerSession other : context.sessions().onConnection(channel)) {
            if (!(other instanceof RtspSession playing)) {
                continue;
            }
            for (TrackOutput output : playing.outputs()) {
                if (output.transport() instanceof InterleavedTransport t && t.uses(rtp, rtcp)) {
                    throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT,
                            "interleaved channels " + rtp + "-" + rtcp + " are in use on this connection");
                }
            }
        }
        return new InterleavedTransport(channel, rtp, rtcp);
    }

    private void openUdp(RtspSession session, TransportSpec spec, TrackChoice choice,
                         CompletableFuture<FullHttpResponse> result) throws RtspException {
        PortPair client = spec.clientPort();
        if (client == null) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "UDP transport without client_port");
        }
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            throw new RtspException(RtspResponseStatuses.UNSUPPORTED_TRANSPORT, "UDP needs an IP client");
        }
        ViewerSockets shared = context.viewerSockets();
        if (shared == null) {
            UdpTransport.open(session.loop(), context.ports(), context.mediaAddress(channel), remote.getAddress(),
                    client.rtp(), client.rtcp(), session::onRtcp).addListener(f -> result.complete(f.isSuccess()
                            ? setupDone(session, choice.output().apply((UdpTransport) f.getNow()))
                            : PortPairBinder.refusal(session, "session", f.cause())));
            return;
        }
        shared.open(session.loop(), context.ports(), context.mediaAddress(channel), remote.getAddress(),
                client.rtp(), client.rtcp(), session::onRtcp).addListener(f -> {
                    if (f.isSuccess()) {
                        SharedUdpTransport transport = (SharedUdpTransport) f.getNow();
                        TrackOutput output = choice.output().apply(transport);
                        transport.identify(output.ssrc());
                        result.complete(setupDone(session, output));
                    } else {
                        result.complete(PortPairBinder.refusal(session, "session", f.cause()));
                    }
                });
    }

    private FullHttpResponse setupDone(RtspSession session, TrackOutput output) {
        if (session.closed()) {
            output.transport().close();
            return RtspRequestHandler.status(RtspResponseStatuses.SESSION_NOT_FOUND);
        }
        session.addTrack(output);
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        response.headers().set(RtspHeaders.TRANSPORT,
                output.transport().responseHeader() + ";ssrc=" + String.format("%08X", output.ssrc()) + ";mode=play");
        sessionHeader(response, session);
        return response;
    }

    FullHttpResponse play(FullHttpRequest request, ServerSession named) throws RtspException, RtspHeaderException {
        RtspSession session = requiredSession(request, named);
        String scaleValue = request.headers().get(RtspHeaders.SCALE);
        String scale = scaleValue == null ? null : ScaleHeader.choose(scaleValue);
        String rangeValue = request.headers().get(RtspHeaders.RANGE);
        RangeHeader range = rangeValue == null ? null : RangeHeader.parse(rangeValue);
        double duration = session.presentation().duration();
        double from = Double.NaN;
        double to = Double.POSITIVE_INFINITY;
        if (range != null && !range.isNow()) {
            from = range.start().orElse(0);
            to = range.end().orElse(Double.POSITIVE_INFINITY);
            if (from < 0 || (!Double.isNaN(duration) && from > duration) || to <= from) {
                throw new RtspException(RtspResponseStatuses.INVALID_RANGE,
                        "range " + rangeValue + " is outside 0-" + duration);
            }
        }
        double start;
        List<RtpInfoHeader.Entry> info = new ArrayList<>();
        synchronized (session) {
            try {
                start = session.play(from, to);
            } catch (MediaException e) {
                throw RequestProcessor.mediaFailure(session.path(), e);
            }
            boolean live = session.presentation() instanceof LivePresentation;
            for (TrackOutput output : session.outputs()) {
                // a broadcast's timestamps are only known when its next packet arrives
                info.add(new RtpInfoHeader.Entry(output.controlUrl(), output.nextSequence(),
                        live ? null : output.rtpTime(start)));
            }
        }
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        double end = Double.isInfinite(to) ? duration : to;
        response.headers().set(RtspHeaders.RANGE, session.presentation() instanceof LivePresentation
                ? RangeHeader.now().toString()
                : Double.isNaN(end) ? RangeHeader.from(start).toString() : RangeHeader.between(start, end).toString());
        response.headers().set(RtspHeaders.RTP_INFO, new RtpInfoHeader(info).toString());
        if (scale != null) {
            response.headers().set(RtspHeaders.SCALE, scale);
        }
        sessionHeader(response, session);
        return response;
    }

    FullHttpResponse pause(FullHttpRequest request, ServerSession named) throws RtspException, RtspHeaderException {
        RtspSession session = requiredSession(request, named);
        session.pause();
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        sessionHeader(response, session);
        return response;
    }

    FullHttpResponse teardown(FullHttpRequest request, ServerSession named) throws RtspException, RtspHeaderException {
        RtspSession session = requiredSession(request, named);
        session.teardown();
        REFUSALS.info(session.clientAddress(), "RTSP session {} torn down by {}", session.id(), session.clientAddress());
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        response.headers().set(RtspHeaders.SESSION, session.id());
        return response;
    }

    /** GET_PARAMETER and SET_PARAMETER: a keep-alive, of the named session (already checked) if any. */
    FullHttpResponse keepAlive(ServerSession session) {
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        if (session != null) {
            sessionHeader(response, session);
        }
        return response;
    }

    /** RTCP a client sends on an interleaved channel of one of this connection's sessions. */
    void interleaved(int channelId, ByteBuf payload) {
        for (ServerSession any : context.sessions().onConnection(channel)) {
            if (!(any instanceof RtspSession session)) {
                continue;
            }
            for (TrackOutput output : session.outputs()) {
                if (output.transport() instanceof InterleavedTransport t && t.rtcpChannel() == channelId) {
                    session.onRtcp(payload);
                    return;
                }
            }
        }
    }

    private static RtspSession requiredSession(FullHttpRequest request, ServerSession named) throws RtspException {
        RtspSession session = playing(request, named);
        if (session == null) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID,
                    request.method() + " without a Session: SETUP comes first");
        }
        return session;
    }

    /** @return the request's session (already checked to be the client's) as a playing one; null when none */
    private static RtspSession playing(FullHttpRequest request, ServerSession session) throws RtspException {
        if (session != null && !(session instanceof RtspSession)) {
            throw new RtspException(RtspResponseStatuses.METHOD_NOT_VALID,
                    request.method() + " on publishing session " + session.id());
        }
        return (RtspSession) session;
    }

    private void sessionHeader(FullHttpResponse response, ServerSession session) {
        response.headers().set(RtspHeaders.SESSION,
                SessionHeader.of(session.id(), context.sessions().timeoutSeconds()).toString());
    }
}
