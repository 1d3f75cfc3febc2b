package org.tributary.rtp;

import java.util.Objects;

/**
 * The {@code o=} line of an SDP session description (RFC 4566 section 5.2).
 *
 * @param sessionId     a numeric session identifier, such as an NTP timestamp or the media's modification time
 * @param version       the description's version, to change when the description changes
 * @param serverAddress the server's unicast address, IPv4 or IPv6 literal
 */
public record SdpOrigin(long sessionId, long version, String serverAddress) {

    /** Rejects values that would break the line. */
    public SdpOrigin {
        Objects.requireNonNull(serverAddress, "serverAddress");
        if (sessionId < 0 || version < 0) {
            throw new IllegalArgumentException("SDP session id " + sessionId + " and version " + version
                    + " must not be negative");
        }
        if (!serverAddress.matches("[0-9A-Za-z.:%_-]+")) {
            throw new IllegalArgumentException("SDP origin address '" + serverAddress + "' is not an address literal");
        }
    }

    /** @return the address type of the server address: {@code IP6} for an IPv6 literal, else {@code IP4} */
    public String addressType() {
        return serverAddress.indexOf(':') >= 0 ? "IP6" : "IP4";
    }
}
