package org.tributary.rtsp.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * What RFC 2326 asks of every request before its method is looked at: the version RTSP/1.0 (else
 * 505 RTSP Version Not Supported, §7.1.1), and no option tag in {@code Require} or
 * {@code Proxy-Require} that the server does not support (else 551 Option Not Supported with an
 * {@code Unsupported} header listing them, §12.32). The server supports no option tags.
 */
final class RequestPreconditions {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPreconditions.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** At most this many tags are listed back, so a huge Require cannot make a huge answer. */
    private static final int MAX_LISTED_TAGS = 16;
    private static final int MAX_TAG_LENGTH = 64;

    private RequestPreconditions() {
    }

    /** @return the refusal to answer instead of running the request, if any */
    static Optional<FullHttpResponse> refusal(FullHttpRequest request, String client) {
        if (!RtspVersions.RTSP_1_0.equals(request.protocolVersion())) {
            REFUSALS.info(client, "Refusing {} from {}: version {} is not RTSP/1.0", request.method(), client,
                    request.protocolVersion());
            return Optional.of(RtspRequestHandler.status(RtspResponseStatuses.RTSP_VERSION_NOT_SUPPORTED));
        }
        Set<String> unsupported = new LinkedHashSet<>();
        boolean required = false;
        for (String name : new String[] {RtspHeaders.REQUIRE, RtspHeaders.PROXY_REQUIRE}) {
            for (String value : request.headers().getAll(name)) {
                for (String tag : value.split(",")) {
                    String trimmed = tag.trim();
                    required |= !trimmed.isEmpty();
                    if (echoable(trimmed) && unsupported.size() < MAX_LISTED_TAGS) {
                        unsupported.add(trimmed);
                    }
                }
            }
        }
        if (!required) {
            return Optional.empty();
        }
        REFUSALS.info(client, "Refusing {} from {}: option tags {} are not supported", request.method(), client,
                unsupported);
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OPTION_NOT_SUPPORTED);
        if (!unsupported.isEmpty()) {
            response.headers().set(RtspHeaders.UNSUPPORTED, String.join(", ", unsupported));
        }
        return Optional.of(response);
    }

    /** @return true for a tag that may be written back as it is: short, visible ASCII */
    private static boolean echoable(String tag) {
        return !tag.isEmpty() && tag.length() <= MAX_TAG_LENGTH && tag.chars().allMatch(c -> c > ' ' && c < 127);
    }
}
