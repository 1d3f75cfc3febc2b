package org.tributary.source.live.internal.sdp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Numeric addresses from an SDP file. Only literals are accepted, so reading a file never asks
 * DNS; the checks here decide which addresses a feed may bind.
 */
final class LiteralAddresses {

    private static final Pattern IP4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IP6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private LiteralAddresses() {
    }

    /**
     * @param addressType {@code IP4} or {@code IP6}, as SDP names them
     * @param literal     the address text; untrusted
     * @return the address, or null when the text is not a literal of that type
     */
    static InetAddress parse(String addressType, String literal) {
        boolean v4 = addressType.equals("IP4");
        if (v4 ? !isDottedQuad(literal) : !(addressType.equals("IP6") && literal.contains(":")
                && IP6.matcher(literal).matches())) {
            return null;
        }
        try {
            // a literal is parsed, never looked up
            InetAddress address = InetAddress.getByName(literal);
            return v4 == (address instanceof Inet4Address) && v4 != (address instanceof Inet6Address) ? address : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(String literal) {
        var m = IP4.matcher(literal);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the address is one of this host's (loopback included), so a feed may bind it */
    static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** @return {@code host:port}, IPv6 in brackets */
    static String text(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
