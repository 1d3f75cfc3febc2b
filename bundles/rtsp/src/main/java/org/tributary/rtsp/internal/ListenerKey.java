package org.tributary.rtsp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One listening socket the settings ask for: a TCP port on one address, speaking RTSP or RTSPS.
 *
 * @param address the IP literal to bind
 * @param port    the TCP port
 * @param tls     true for RTSPS (TLS first, then RTSP)
 */
record ListenerKey(String address, int port, boolean tls) {

    /** @return every port on every address, address by address, in configured order */
    static List<ListenerKey> every(List<String> addresses, List<Integer> ports, boolean tls) {
        List<ListenerKey> keys = new ArrayList<>();
        for (String address : addresses) {
            for (int port : ports) {
                keys.add(new ListenerKey(address, port, tls));
            }
        }
        return keys;
    }

    /** @return {@code RTSP} or {@code RTSPS} */
    String protocol() {
        return tls ? "RTSPS" : "RTSP";
    }

    /** @return e.g. {@code RTSPS [::1]:322}, for log lines */
    @Override
    public String toString() {
        return protocol() + " " + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
