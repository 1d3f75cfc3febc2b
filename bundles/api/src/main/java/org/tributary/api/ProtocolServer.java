package org.tributary.api;

import java.util.List;

/** A protocol server (RTSP, HTTP…) that reports its listening sockets. */
public interface ProtocolServer {

    /** @return the protocol it speaks, such as {@code "RTSP"} */
    String protocol();

    /** @return its configured endpoints, bound or not */
    List<Endpoint> endpoints();
}
