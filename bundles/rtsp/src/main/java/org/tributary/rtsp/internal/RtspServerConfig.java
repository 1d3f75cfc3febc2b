package org.tributary.rtsp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the RTSP server (PID {@code org.tributary.rtsp}); the web console renders them as a form. */
@ObjectClassDefinition(name = "Tributary RTSP server", description = "Listening ports, addresses and session settings")
@interface RtspServerConfig {

    @AttributeDefinition(name = "Ports", description = "Comma-separated TCP ports to listen on (QTSS: 554, 7070, 8000, 8001)")
    String ports() default "554,7070,8000,8001";

    @AttributeDefinition(name = "Bind addresses", description = "Comma-separated IPv4/IPv6 addresses to listen on "
            + "(every port on every address); 0.0.0.0 or :: for every interface")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Session timeout", description = "Seconds without a request or RTCP report before a session is reclaimed", min = "5")
    int sessionTimeout() default 60;

    @AttributeDefinition(name = "First RTP port", description = "Lowest UDP port handed out for RTP/RTCP pairs; "
            + "when none can be bound, a UDP SETUP gets 461 Unsupported Transport: No UDP Ports Left")
    int rtpPortMin() default 6970;

    @AttributeDefinition(name = "Last RTP port", description = "Highest UDP port handed out for RTP/RTCP pairs")
    int rtpPortMax() default 9999;

    @AttributeDefinition(name = "Shared UDP sockets", description = "Viewers' UDP media leaves from one RTP/RTCP "
            + "socket pair per event loop, shared by every viewer on it (as QTSS did), so the RTP port range need "
            + "not grow with the viewers; off: each viewer track binds a pair of its own. Publishers always have "
            + "their own pair. Applies to tracks set up after a change")
    boolean udpSocketsShared() default true;

    @AttributeDefinition(name = "Authentication", description = "Schemes offered in 401 challenges: digest (QTSS default), basic or both",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "Digest", value = "digest"),
                @org.osgi.service.metatype.annotations.Option(label = "Basic", value = "basic"),
                @org.osgi.service.metatype.annotations.Option(label = "Digest and Basic", value = "both")})
    String authScheme() default "digest";

    @AttributeDefinition(name = "Nonce lifetime", description = "Seconds a Digest nonce stays valid; then clients are re-challenged with stale=true", min = "10")
    int nonceLifetime() default 300;

    @AttributeDefinition(name = "RTSP over HTTP", description = "Accept RTSP-over-HTTP tunnels (QuickTime's GET/POST "
            + "pair with x-sessioncookie) on every RTSP port; add port 80 to the ports to stream via port 80")
    boolean httpTunnel() default true;

    @AttributeDefinition(name = "Tunnel POST timeout", description = "Seconds a tunnel's GET connection waits for "
            + "its POST connection, at first and after one closed", min = "1")
    int tunnelTimeout() default 30;

    @AttributeDefinition(name = "Maximum connections", description = "Most sessions (playing and publishing) at "
            + "once; a new one over it gets 503 Too Many Sessions before any media is sent. 0: no limit", min = "0")
    int maxConnections() default 1000;

    @AttributeDefinition(name = "Heap limit (%)", description = "New sessions get 503 Low On Memory while the heap "
            + "in use after garbage collection is over this share of the largest heap (-Xmx), so the sessions already "
            + "playing keep the memory they need. 0: off", min = "0", max = "100")
    int heapLimitPercent() default 85;

    @AttributeDefinition(name = "Maximum throughput (kbit/s)", description = "Most throughput the playing sessions "
            + "reserve (each its presentation's bit rate); a new one over it gets 453 Not Enough Bandwidth. 0: no limit",
            min = "0")
    long maxThroughput() default 0;

    @AttributeDefinition(name = "Sessions per connection", description = "Most sessions set up on one "
            + "connection; one more gets 453 Too Many Sessions On This Connection. 0: no limit", min = "0")
    int maxSessionsPerConnection() default 16;

    @AttributeDefinition(name = "Sessions per address", description = "Most sessions of one client address "
            + "(players behind one NAT share an address); one more gets 453 Too Many Sessions From This Address. "
            + "0: no limit", min = "0")
    int maxSessionsPerAddress() default 100;

    @AttributeDefinition(name = "Request timeout", description = "Seconds a request (RTSP, or the HTTP head of a "
            + "tunnel's GET or POST) may take to arrive whole from its first byte; then the connection is closed",
            min = "1")
    int requestTimeout() default 15;

    @AttributeDefinition(name = "Idle timeout", description = "Seconds a connection that carries no session may "
            + "send nothing before it is closed (applies to connections opened after a change)", min = "1")
    int idleTimeout() default 60;

    @AttributeDefinition(name = "Drain timeout", description = "Seconds a connection may leave more than 64 KiB "
            + "of answers or media unread (it is not read from meanwhile) before it is closed", min = "1")
    int drainTimeout() default 15;

    @AttributeDefinition(name = "RTSPS ports", description = "Comma-separated TCP ports for RTSP over TLS (rtsps://); "
            + "they serve only when a keystore is configured")
    String tlsPorts() default "322";

    @AttributeDefinition(name = "RTSPS keystore", description = "Keystore file with the server's private key and "
            + "certificate (absolute, or relative to etc/); empty: RTSPS off", required = false)
    String tlsKeystore() default "";

    @AttributeDefinition(name = "RTSPS keystore password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the keystore and of its key")
    String tlsKeystorePassword() default "";

    @AttributeDefinition(name = "RTSPS keystore type", description = "PKCS12 or JKS",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "PKCS12", value = "PKCS12"),
                @org.osgi.service.metatype.annotations.Option(label = "JKS", value = "JKS")})
    String tlsKeystoreType() default "PKCS12";

    @AttributeDefinition(name = "RTSPS key alias", required = false,
            description = "Alias of the key entry to serve when the keystore holds several; empty: the first")
    String tlsKeyAlias() default "";
}
