package org.tributary.rtsp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.slf4j.LoggerFactory;
import org.tributary.rtp.UdpPortPool;
import org.tributary.security.RefusalLog;

/**
 * Binds an RTP/RTCP socket pair on an event loop from a {@link UdpPortPool}, skipping pairs that
 * another process holds. Used by a session's own pair (publishers, and viewers when sockets are not
 * shared) and by the pair all viewers on one loop share.
 */
final class PortPairBinder {

    /** Why a bind failed when the range itself is used up, as opposed to ports held by another process. */
    static final String RANGE_USED_UP = "no free RTP/RTCP port pair left in the configured range";

    private static final int MAX_BIND_ATTEMPTS = 16;
    private static final RefusalLog REFUSALS = new RefusalLog(LoggerFactory.getLogger(PortPairBinder.class));
    /** A UDP SETUP that found no port pair: TCP may still work, so the status invites a client to try it. */
    static final HttpResponseStatus NO_UDP_PORTS = new HttpResponseStatus(461, "Unsupported Transport: No UDP Ports Left");

    /**
     * Socket options of a pair.
     *
     * @param sendBuffer  SO_SNDBUF asked of the kernel (which caps it at wmem_max)
     * @param waterMark   how many bytes may wait in the channel before it reports itself unwritable
     */
    record Options(int sendBuffer, WriteBufferWaterMark waterMark) {
        /** A session's own pair: Netty's default water mark. */
        static final Options SESSION = new Options(256 * 1024, WriteBufferWaterMark.DEFAULT);
    }

    /** A bound pair: RTP on the even {@code port}, RTCP on the one above. */
    record Bound(Channel rtp, Channel rtcp, int port) {
    }

    private PortPairBinder() {
    }

    /**
     * The answer to a UDP SETUP that found no port pair to bind: 461, which tells players such as
     * ffmpeg to try TCP instead, with a reason phrase and one log line that name the ports as the cause.
     *
     * @param what {@code "session"} or {@code "publishing session"}, for the log line
     */
    static FullHttpResponse refusal(ServerSession session, String what, Throwable cause) {
        REFUSALS.warn(session.clientAddress(), "No UDP port pair for {} {}: {}; answered {} {} (see rtpPortMin, "
                + "rtpPortMax and udpSocketsShared)", what, session.id(), cause.getMessage(),
                NO_UDP_PORTS.code(), NO_UDP_PORTS.reasonPhrase());
        return RtspRequestHandler.status(NO_UDP_PORTS);
    }

    /**
     * @param rtpHandler  handles what arrives on the RTP port
     * @param rtcpHandler handles what arrives on the RTCP port
     * @return completes on {@code loop} with the pair, or fails naming the cause (the range used up, or
     *         the last bind error after {@value #MAX_BIND_ATTEMPTS} pairs held by others)
     */
    static Future<Bound> bind(EventLoop loop, UdpPortPool pool, String bindAddress, ChannelHandler rtpHandler,
                              ChannelHandler rtcpHandler, Options options) {
        Promise<Bound> promise = loop.newPromise();
        new Attempt(loop, pool, bindAddress, rtpHandler, rtcpHandler, options, promise).next(MAX_BIND_ATTEMPTS);
        return promise;
    }

    private record Attempt(EventLoop loop, UdpPortPool pool, String bindAddress, ChannelHandler rtpHandler,
                           ChannelHandler rtcpHandler, Options options, Promise<Bound> promise) {

        void next(int attemptsLeft) {
            var pair = pool.acquirePair();
            if (pair.isEmpty()) {
                promise.setFailure(new IllegalStateException(RANGE_USED_UP + " (all " + pool.capacity()
                        + " pairs taken)"));
                return;
            }
            int port = pair.getAsInt();
            datagram(rtpHandler).bind(bindAddress, port).addListener(rtpBound -> {
                if (!rtpBound.isSuccess()) {
                    retry(attemptsLeft, rtpBound.cause());
                    return;
                }
                Channel rtp = ((ChannelFuture) rtpBound).channel();
                datagram(rtcpHandler).bind(bindAddress, port + 1).addListener(rtcpBound -> {
                    if (!rtcpBound.isSuccess()) {
                        rtp.close();
                        retry(attemptsLeft, rtcpBound.cause());
                        return;
                    }
                    promise.setSuccess(new Bound(rtp, ((ChannelFuture) rtcpBound).channel(), port));
                });
            });
        }

        private void retry(int attemptsLeft, Throwable cause) {
            // the pair is held by another process: it stays acquired, out of circulation, and the next one is tried
            if (attemptsLeft <= 1) {
                promise.setFailure(new IllegalStateException("the last " + MAX_BIND_ATTEMPTS
                        + " RTP/RTCP port pairs tried are held by other programs: " + cause.getMessage(), cause));
            } else {
                next(attemptsLeft - 1);
            }
        }

        private Bootstrap datagram(ChannelHandler handler) {
            return new Bootstrap().group(loop).channel(NettyTransport.datagramChannel())
                    .option(ChannelOption.SO_SNDBUF, options.sendBuffer())
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, options.waterMark())
                    // a publisher's packets must survive a pause of the event loop (the kernel caps this at rmem_max)
                    .option(ChannelOption.SO_RCVBUF, 1024 * 1024)
                    .handler(handler);
        }
    }
}
