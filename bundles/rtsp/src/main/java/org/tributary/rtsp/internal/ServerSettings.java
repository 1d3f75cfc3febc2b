package org.tributary.rtsp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tributary.rtsp.internal.guard.ConnectionTimeouts;

/**
 * The validated form of {@link RtspServerConfig}: what the server needs, with every value checked
 * once so a typo in a .cfg file is named in the log instead of failing later.
 *
 * @param ports          listening ports, in configured order, without duplicates
 * @param bindAddress    the addresses the listeners bind to, as configured (see {@link ListenAddresses})
 * @param sessionTimeout seconds of silence before a session is reclaimed
 * @param rtpPortMin     lowest RTP port
 * @param rtpPortMax     highest RTP port
 * @param udpSocketsShared whether viewers' UDP tracks share one socket pair per event loop
 * @param authScheme     the authentication schemes offered
 * @param nonceLifetime  seconds a Digest nonce stays valid
 * @param httpTunnel     whether the RTSP ports also accept RTSP-over-HTTP tunnels
 * @param tunnelTimeout  seconds a tunnel's GET connection waits for its POST
 * @param maxConnections most sessions (playing and publishing) at once; 0 for no limit
 * @param maxThroughput  most throughput reserved by playing sessions, kbit/s; 0 for no limit
 * @param maxSessionsPerConnection most sessions set up on one connection; 0 for no limit
 * @param maxSessionsPerAddress    most sessions of one client address; 0 for no limit
 * @param timeouts       the request, idle and drain timeouts of every connection
 */
record ServerSettings(List<Integer> ports, String bindAddress, int sessionTimeout, int rtpPortMin, int rtpPortMax,
                      boolean udpSocketsShared, RtspAuthorizer.Scheme authScheme, int nonceLifetime, boolean httpTunnel, int tunnelTimeout,
                      int maxConnections, long maxThroughput, int maxSessionsPerConnection,
                      int maxSessionsPerAddress, ConnectionTimeouts timeouts) {

    static ServerSettings from(RtspServerConfig config) {
        String ports = config.ports();
        String bindAddress = config.bindAddress();
        int sessionTimeout = config.sessionTimeout();
        int rtpPortMin = config.rtpPortMin();
        int rtpPortMax = config.rtpPortMax();
        int nonceLifetime = config.nonceLifetime();
        List<Integer> list = portList("ports", ports);
        if (sessionTimeout < 5) {
            throw new IllegalArgumentException("sessionTimeout: " + sessionTimeout + " s is below the minimum of 5 s");
        }
        if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 3) {
            throw new IllegalArgumentException("rtpPortMin/rtpPortMax: " + rtpPortMin + "-" + rtpPortMax
                    + " must lie within 1024-65535 and hold at least two pairs");
        }
        if (nonceLifetime < 10) {
            throw new IllegalArgumentException("nonceLifetime: " + nonceLifetime + " s is below the minimum of 10 s");
        }
        if (config.tunnelTimeout() < 1) {
            throw new IllegalArgumentException("tunnelTimeout: " + config.tunnelTimeout() + " s is below 1 s");
        }
        if (config.maxConnections() < 0 || config.maxThroughput() < 0) {
            throw new IllegalArgumentException("maxConnections and maxThroughput must be 0 (no limit) or more: "
                    + config.maxConnections() + ", " + config.maxThroughput());
        }
        if (config.maxSessionsPerConnection() < 0 || config.maxSessionsPerAddress() < 0) {
            throw new IllegalArgumentException("maxSessionsPerConnection and maxSessionsPerAddress must be 0 "
                    + "(no limit) or more: " + config.maxSessionsPerConnection() + ", " + config.maxSessionsPerAddress());
        }
        ConnectionTimeouts timeouts = new ConnectionTimeouts(seconds("requestTimeout", config.requestTimeout()),
                seconds("idleTimeout", config.idleTimeout()), seconds("drainTimeout", config.drainTimeout()));
        String address = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress.trim();
        return new ServerSettings(list, address, sessionTimeout, rtpPortMin, rtpPortMax, config.udpSocketsShared(),
                RtspAuthorizer.Scheme.of(config.authScheme()), nonceLifetime, config.httpTunnel(),
                config.tunnelTimeout(), config.maxConnections(), config.maxThroughput(),
                config.maxSessionsPerConnection(), config.maxSessionsPerAddress(), timeouts);
    }

    private static Duration seconds(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " s is below 1 s");
        }
        return Duration.ofSeconds(value);
    }

    /** @return the comma-separated TCP ports of setting {@code name}, in order, without duplicates */
    static List<Integer> portList(String name, String setting) {
        Set<Integer> list = new LinkedHashSet<>();
        for (String p : setting.split("[,\\s]+")) {
            if (p.isEmpty()) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + p + "' is not a port number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(name + ": " + port + " is outside 1-65535");
            }
            list.add(port);
        }
        return new ArrayList<>(list);
    }
}
