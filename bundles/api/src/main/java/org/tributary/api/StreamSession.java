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

    /** {@link #kind()} of a session that receives media from the server (RTSP PLAY). */
    String VIEWER = "viewer";
    /** {@link #kind()} of a session that sends media to the server (RTSP RECORD, an MP3 source). */
    String PUBLISHER = "publisher";
    /** {@link #kind()} of an MP3/HTTP listener of a station. */
    String LISTENER = "listener";

    /** @return {@link #VIEWER}, {@link #PUBLISHER} or {@link #LISTENER} */
    default String kind() {
        return VIEWER;
    }

    /** @return the authenticated user name, or empty for an anonymous session */
    default String userName() {
        return "";
    }

    /** @return the client's User-Agent as it sent it (untrusted: escape before display), or empty */
    default String userAgent() {
        return "";
    }

    /** @return media bytes received from the client so far (a publisher's stream), 0 for a viewer */
    default long bytesReceived() {
        return 0;
    }

    /** @return media packets received from the client so far, 0 for a viewer */
    default long packetsReceived() {
        return 0;
    }
}
