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
 * @param heapLimitPercent share of the largest heap in use after GC over which new sessions are refused; 0: off
 * @param maxThroughput  most throughput reserved by playing sessions, kbit/s; 0 for no limit
 * @param maxSessionsPerConnection most sessions set up on one connection; 0 for no limit
 * @param maxSessionsPerAddress    most sessions of one client address; 0 for no limit
 * @param timeouts       the request, idle and drain timeouts of every connection
 */
record ServerSettings(List<Integer> ports, String bindAddress, int sessionTimeout, int rtpPortMin, int rtpPortMax,
                      boolean udpSocketsShared, RtspAuthorizer.Scheme authScheme, int nonceLifetime, boolean httpTunnel, int tunnelTimeout,
                      int maxConnections, int heapLimitPercent, long maxThroughput, int maxSessionsPerConnection,
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
            throw new InvalidSetting("sessionTimeout: " + sessionTimeout + " s is below the minimum of 5 s", "sessionTimeout");
        }
        if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 3) {
            throw new InvalidSetting("rtpPortMin/rtpPortMax: " + rtpPortMin + "-" + rtpPortMax
                    + " must lie within 1024-65535 and hold at least two pairs", "rtpPortMin", "rtpPortMax");
        }
        if (nonceLifetime < 10) {
            throw new InvalidSetting("nonceLifetime: " + nonceLifetime + " s is below the minimum of 10 s", "nonceLifetime");
        }
        if (config.tunnelTimeout() < 1) {
            throw new InvalidSetting("tunnelTimeout: " + config.tunnelTimeout() + " s is below 1 s", "tunnelTimeout");
        }
        notNegative("maxConnections", config.maxConnections());
        if (config.heapLimitPercent() < 0 || config.heapLimitPercent() > 100) {
            throw new InvalidSetting("heapLimitPercent: " + config.heapLimitPercent() + " is outside 0-100",
                    "heapLimitPercent");
        }
        notNegative("maxThroughput", config.maxThroughput());
        notNegative("maxSessionsPerConnection", config.maxSessionsPerConnection());
        notNegative("maxSessionsPerAddress", config.maxSessionsPerAddress());
        ConnectionTimeouts timeouts = new ConnectionTimeouts(seconds("requestTimeout", config.requestTimeout()),
                seconds("idleTimeout", config.idleTimeout()), seconds("drainTimeout", config.drainTimeout()));
        String address = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress.trim();
        return new ServerSettings(list, address, sessionTimeout, rtpPortMin, rtpPortMax, config.udpSocketsShared(),
                RtspAuthorizer.Scheme.of(config.authScheme()), nonceLifetime, config.httpTunnel(),
                config.tunnelTimeout(), config.maxConnections(), config.heapLimitPercent(), config.maxThroughput(),
                config.maxSessionsPerConnection(), config.maxSessionsPerAddress(), timeouts);
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidSetting(name + ": " + value + " must be 0 (no limit) or more", name);
        }
    }

    private static Duration seconds(String name, int value) {
        if (value < 1) {
            throw new InvalidSetting(name + ": " + value + " s is below 1 s", name);
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
                throw new InvalidSetting(name + ": '" + p + "' is not a port number", name);
            }
            if (port < 1 || port > 65535) {
                throw new InvalidSetting(name + ": " + port + " is outside 1-65535", name);
            }
            list.add(port);
        }
        return new ArrayList<>(list);
    }
}
