package org.tributary.rtp.rtsp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One transport-spec of a Transport header (RFC 2326 §12.39) with an RTP/AVP profile. Optional
 * parameters are null when absent.
 * <p>
 * {@code destination} and {@code source} are reported as given: a server must not send media to a
 * destination other than the client's own address, or it becomes a traffic reflector.
 *
 * @param lowerTransport UDP ({@code RTP/AVP}, {@code RTP/AVP/UDP}) or TCP ({@code RTP/AVP/TCP})
 * @param multicast      true only when {@code multicast} was given; a spec without either keyword is
 *                       treated as unicast, as clients that omit it expect
 * @param clientPort     {@code client_port}, ports 1..65535
 * @param serverPort     {@code server_port}, ports 1..65535
 * @param interleaved    {@code interleaved}, channels 0..255
 * @param ssrc           {@code ssrc}, an unsigned 32-bit value
 * @param mode           {@code mode}: PLAY, or RECORD for {@code record} and {@code receive}
 * @param ttl            {@code ttl}, 0..255
 * @param destination    {@code destination} address as given
 * @param source         {@code source} address as given
 */
public record TransportSpec(LowerTransport lowerTransport, boolean multicast, PortPair clientPort,
                            PortPair serverPort, PortPair interleaved, Long ssrc, Mode mode, Integer ttl,
                            String destination, String source) {

    /** How RTP travels: its own UDP sockets, or interleaved in the RTSP TCP connection. */
    public enum LowerTransport { UDP, TCP }

    /** What the session does with the media: send it (PLAY) or receive it (RECORD). */
    public enum Mode { PLAY, RECORD }

    private static final int MAX_PORT = 65535;
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:\\[\\]%_-]{1,255}");

    /** @throws NullPointerException when the lower transport is missing */
    public TransportSpec {
        if (lowerTransport == null) {
            throw new NullPointerException("lowerTransport");
        }
    }

    /** @return a unicast UDP spec with the client's RTP/RTCP ports, e.g. to build a response */
    public static TransportSpec udp(PortPair clientPort) {
        return new TransportSpec(LowerTransport.UDP, false, clientPort, null, null, null, null, null, null, null);
    }

    /** @return a unicast spec interleaved on the RTSP connection with the given channels */
    public static TransportSpec tcp(PortPair interleaved) {
        return new TransportSpec(LowerTransport.TCP, false, null, null, interleaved, null, null, null, null, null);
    }

    /**
     * Parses one transport-spec.
     *
     * @throws UnsupportedTransportException when the protocol is not RTP/AVP over UDP or TCP
     * @throws MalformedHeaderException      when a parameter the server relies on is malformed
     */
    static TransportSpec parse(String text) throws MalformedHeaderException, UnsupportedTransportException {
        List<String> parts = HeaderSyntax.split(text, ';');
        if (parts.get(0).isEmpty()) {
            throw new MalformedHeaderException("transport-spec \"" + HeaderSyntax.abbreviate(text)
                    + "\" does not start with a protocol");
        }
        LowerTransport lower = lowerTransport(parts.get(0));
        boolean multicast = false;
        PortPair client = null;
        PortPair server = null;
        PortPair interleaved = null;
        Long ssrc = null;
        Mode mode = null;
        Integer ttl = null;
        String destination = null;
        String source = null;
        for (String part : parts.subList(1, parts.size())) {
            HeaderSyntax.Parameter p = HeaderSyntax.Parameter.of(part);
            switch (p.name()) {
                case "unicast" -> multicast = false;
                case "multicast" -> multicast = true;
                case "client_port" -> client = PortPair.parse(p.required(), 1, MAX_PORT, "client_port");
                case "server_port" -> server = PortPair.parse(p.required(), 1, MAX_PORT, "server_port");
                case "interleaved" -> interleaved = PortPair.parse(p.required(), 0, 255, "interleaved");
                case "ssrc" -> ssrc = ssrc(p.required());
                case "mode" -> mode = mode(p.required());
                case "ttl" -> ttl = (int) HeaderSyntax.decimal(p.required(), 0, 255, "ttl");
                case "destination" -> destination = p.value() == null ? null : address(p.value(), "destination");
                case "source" -> source = address(p.required(), "source");
                default -> {
                    // RFC 2326 §12.39: unknown parameters are ignored
                }
            }
        }
        return new TransportSpec(lower, multicast, client, server, interleaved, ssrc, mode, ttl, destination, source);
    }

    private static LowerTransport lowerTransport(String protocol) throws UnsupportedTransportException {
        switch (protocol.toUpperCase(Locale.ROOT)) {
            case "RTP/AVP", "RTP/AVP/UDP":
                return LowerTransport.UDP;
            case "RTP/AVP/TCP":
                return LowerTransport.TCP;
            default:
                throw new UnsupportedTransportException("transport protocol \"" + HeaderSyntax.abbreviate(protocol)
                        + "\" is not supported, only RTP/AVP, RTP/AVP/UDP and RTP/AVP/TCP");
        }
    }

    private static long ssrc(String value) throws MalformedHeaderException {
        if (!HEX.matcher(value).matches()) {
            throw new MalformedHeaderException("ssrc \"" + HeaderSyntax.abbreviate(value)
                    + "\" is not 1 to 8 hexadecimal digits");
        }
        return Long.parseLong(value, 16);
    }

    private static Mode mode(String value) throws MalformedHeaderException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "play":
                return Mode.PLAY;
            case "record", "receive":
                return Mode.RECORD;
            default:
                throw new MalformedHeaderException("mode \"" + HeaderSyntax.abbreviate(value)
                        + "\" is not play, record or receive");
        }
    }

    private static String address(String value, String what) throws MalformedHeaderException {
        if (!ADDRESS.matcher(value).matches()) {
            throw new MalformedHeaderException(what + " \"" + HeaderSyntax.abbreviate(value)
                    + "\" is not a host name or IP address");
        }
        return value;
    }

    /** @return true for what the server can serve: unicast UDP with client ports, or unicast TCP */
    public boolean isServable() {
        if (multicast) {
            return false;
        }
        return lowerTransport == LowerTransport.TCP || clientPort != null;
    }

    /** @return this spec with {@code server_port} set, for a SETUP response */
    public TransportSpec withServerPort(PortPair ports) {
        return new TransportSpec(lowerTransport, multicast, clientPort, ports, interleaved, ssrc, mode, ttl,
                destination, source);
    }

    /** @return this spec with the interleaved channels the server chose */
    public TransportSpec withInterleaved(PortPair channels) {
        return new TransportSpec(lowerTransport, multicast, clientPort, serverPort, channels, ssrc, mode, ttl,
                destination, source);
    }

    /** @return this spec with the server's SSRC for the stream, an unsigned 32-bit value */
    public TransportSpec withSsrc(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ssrc " + value + " is not an unsigned 32-bit value");
        }
        return new TransportSpec(lowerTransport, multicast, clientPort, serverPort, interleaved, value, mode, ttl,
                destination, source);
    }

    /** @return this spec with the given destination and source addresses (either may be null) */
    public TransportSpec withAddresses(String newDestination, String newSource) {
        return new TransportSpec(lowerTransport, multicast, clientPort, serverPort, interleaved, ssrc, mode, ttl,
                newDestination, newSource);
    }

    /**
     * @return the spec as written in a Transport header, e.g.
     *         {@code RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=1A2B3C4D}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(lowerTransport == LowerTransport.TCP ? "RTP/AVP/TCP" : "RTP/AVP");
        text.append(multicast ? ";multicast" : ";unicast");
        append(text, "destination", destination);
        append(text, "source", source);
        append(text, "client_port", clientPort);
        append(text, "server_port", serverPort);
        append(text, "interleaved", interleaved);
        append(text, "ttl", ttl);
        append(text, "ssrc", ssrc == null ? null : String.format("%08X", ssrc));
        append(text, "mode", mode == null ? null : mode.name().toLowerCase(Locale.ROOT));
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(';').append(name).append('=').append(value);
        }
    }
}
