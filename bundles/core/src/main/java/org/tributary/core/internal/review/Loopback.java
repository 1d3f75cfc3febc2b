package org.tributary.core.internal.review;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Whether a configured listening address (or a comma-separated list of them) is on loopback only. */
final class Loopback {

    private Loopback() {
    }

    /**
     * @param addresses a bind address setting; null or blank means Karaf's default, every interface
     * @return true when every address is a loopback address ({@code 127.x.x.x}, {@code ::1}, {@code localhost})
     */
    static boolean only(String addresses) {
        if (addresses == null || addresses.isBlank()) {
            return false;
        }
        return Arrays.stream(addresses.split(",")).map(String::strip).allMatch(Loopback::isLoopback);
    }

    private static boolean isLoopback(String address) {
        if (address.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            InetAddress[] resolved = InetAddress.getAllByName(address);
            return resolved.length > 0 && Arrays.stream(resolved).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
