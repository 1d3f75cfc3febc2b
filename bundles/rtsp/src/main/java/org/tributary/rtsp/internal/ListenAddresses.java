package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.netty.util.NetUtil;

/**
 * The {@code bindAddress} setting: a comma-separated list of IPv4 and IPv6 literals to listen on
 * ({@code 0.0.0.0} or {@code ::} for every interface). Host names are refused rather than resolved,
 * so what the server listens on never depends on a name server.
 */
final class ListenAddresses {

    /** Every IPv4 interface: what an empty setting means, as before lists were accepted. */
    static final String ALL = "0.0.0.0";

    private ListenAddresses() {
    }

    /**
     * @return the configured addresses in order, trimmed, without IPv6 brackets or duplicates;
     *         {@link #ALL} when the setting is empty. Each entry is checked later, on its own, by
     *         {@link #problem}, so one bad entry does not stop the others.
     */
    static List<String> parse(String setting) {
        Set<String> addresses = new LinkedHashSet<>();
        if (setting != null) {
            for (String entry : setting.split("[,\\s]+")) {
                String address = entry.startsWith("[") && entry.endsWith("]")
                        ? entry.substring(1, entry.length() - 1) : entry;
                if (!address.isEmpty()) {
                    addresses.add(address);
                }
            }
        }
        return addresses.isEmpty() ? List.of(ALL) : new ArrayList<>(addresses);
    }

    /**
     * @return why the server cannot listen on {@code address} (not an IP literal, not an address of
     *         this host), or null when it can try
     */
    static String problem(String address) {
        if (!NetUtil.isValidIpV4Address(address) && !NetUtil.isValidIpV6Address(address)) {
            return "'" + address + "' is not an IPv4 or IPv6 address (host names are not resolved)";
        }
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            return "'" + address + "' is not an IPv4 or IPv6 address";
        }
        return isOfThisHost(parsed) ? null : address + " is not an address of this host";
    }

    /** The wildcard, the loopback range (all of 127/8 on Linux) and every address an interface carries. */
    private static boolean isOfThisHost(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
