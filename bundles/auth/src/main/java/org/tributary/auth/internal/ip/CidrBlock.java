package org.tributary.auth.internal.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a
 * bare address is a block of one). Parsing never looks a name up in DNS. IPv4-mapped IPv6
 * addresses ({@code ::ffff:192.0.2.1}) count as the IPv4 address, in blocks and in clients.
 */
final class CidrBlock {

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * @param text {@code ADDRESS[/PREFIX]}; host bits of the address are ignored
     * @throws IllegalArgumentException naming the text when it is not a block
     */
    static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(digits) > maxPrefix) {
                throw new IllegalArgumentException("'" + text + "' has no prefix length from 0 to " + maxPrefix);
            }
            prefix = Integer.parseInt(digits);
        }
        if (bytes.length == 16 && prefix >= 96 && isMapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
            prefix -= 96;
        }
        return new CidrBlock(mask(bytes, prefix), prefix, text);
    }

    /** @return true when the client's address is in this block */
    boolean contains(InetAddress client) {
        byte[] address = client.getAddress();
        if (client instanceof Inet6Address && isMapped(address)) {
            address = Arrays.copyOfRange(address, 12, 16);
        }
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    private static boolean isMapped(byte[] address) {
        return address.length == 16 && Arrays.equals(address, 0, 12, MAPPED_PREFIX, 0, 12);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) (0xff << (8 - bits));
        }
        return masked;
    }

    /** @return the address bytes, or null when the text is no IP literal (no DNS is asked) */
    private static byte[] literal(String address) {
        if (address.indexOf(':') >= 0) {
            if (address.charAt(0) == '.') {
                return null;
            }
            for (char c : address.toCharArray()) {
                if (!(Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                // starting with a hex digit or ':', holding a ':' and only hex digits, ':' and '.', the
                // text is parsed by InetAddress as a literal and never sent to DNS
                InetAddress parsed = InetAddress.getByName(address);
                return parsed instanceof Inet4Address ? mappedToV6(parsed.getAddress()) : parsed.getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return ipv4(address);
    }

    /** Keeps "::ffff:a.b.c.d" 16 bytes long here; {@link #parse} folds it to IPv4 with its prefix. */
    private static byte[] mappedToV6(byte[] v4) {
        byte[] v6 = Arrays.copyOf(MAPPED_PREFIX, 16);
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    private static byte[] ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return text;
    }
}
