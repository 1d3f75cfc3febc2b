package org.tributary.rtsp.internal;

/**
 * Header names in their RFC 2326 spelling. Netty's constants are lower case; header names are
 * case-insensitive by the RFC, but some players match them case-sensitively, so responses use
 * these. Lookups in request headers are case-insensitive either way.
 */
final class RtspHeaders {

    static final String CSEQ = "CSeq";
    static final String USER_AGENT = "User-Agent";
    static final String SESSION = "Session";
    static final String TRANSPORT = "Transport";
    static final String RANGE = "Range";
    static final String RTP_INFO = "RTP-Info";
    static final String CONTENT_BASE = "Content-Base";
    static final String CONTENT_TYPE = "Content-Type";
    static final String CONTENT_LENGTH = "Content-Length";
    static final String PUBLIC = "Public";
    static final String SERVER = "Server";
    static final String CONNECTION = "Connection";
    static final String DATE = "Date";
    static final String AUTHORIZATION = "Authorization";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String SCALE = "Scale";
    static final String REQUIRE = "Require";
    static final String PROXY_REQUIRE = "Proxy-Require";
    static final String UNSUPPORTED = "Unsupported";

    private RtspHeaders() {
    }
}
