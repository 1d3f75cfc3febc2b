package org.tributary.api;

import java.time.Instant;

/** One client's session with a protocol server, as management tools see it. */
public interface StreamSession {

    /** @return the session identifier, unique across protocols */
    String id();

    /** @return the protocol, such as {@code "RTSP"} */
    String protocol();

    /** @return the client's address as {@code host:port} */
    String clientAddress();

    /** @return the request path being played */
    String path();

    /** @return a short state, such as {@code "PLAYING"} */
    String state();

    /** @return how media travels, such as {@code "RTP/AVP/UDP"} */
    String transport();

    /** @return when the session was created */
    Instant created();

    /** @return media bytes sent so far */
    long bytesSent();

    /** @return media packets sent so far */
    long packetsSent();

    /** @return RTCP receiver-reported statistics, or a value with no reports yet */
    ReceptionStats reception();

    /** Ends the session: the media stops and the client is told (RTCP BYE, connection close). */
    void close();
}
