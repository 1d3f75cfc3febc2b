package org.tributary.rtp.rtsp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Transport header (RFC 2326 §12.39): the client's transport-specs in order of preference.
 * Specs with a protocol other than RTP/AVP (RTP/SAVP, RAW/RAW/UDP...) are dropped while parsing,
 * since the client offers them as alternatives.
 */
public final class TransportHeader {

    /** More specs than any client offers; bounds the work a hostile header can cause. */
    static final int MAX_SPECS = 16;

    private final List<TransportSpec> specs;

    /** @param specs the transport-specs, in order of preference; at least one */
    public TransportHeader(List<TransportSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a Transport header needs at least one spec");
        }
        this.specs = List.copyOf(specs);
    }

    /**
     * Parses a Transport header value.
     *
     * @param value the header value, e.g. {@code RTP/AVP;unicast;client_port=5000-5001}
     * @return the specs with a supported protocol, in the client's order
     * @throws UnsupportedTransportException when no spec has a supported protocol (461)
     * @throws MalformedHeaderException      when the header is empty, has too many specs, or a supported
     *                                       spec has a malformed parameter (400)
     */
    public static TransportHeader parse(String value) throws MalformedHeaderException, UnsupportedTransportException {
        List<TransportSpec> supported = new ArrayList<>();
        UnsupportedTransportException unsupported = null;
        int count = 0;
        for (String part : HeaderSyntax.split(value, ',')) {
            if (part.isEmpty()) {
                continue;
            }
            if (++count > MAX_SPECS) {
                throw new MalformedHeaderException("Transport header has more than " + MAX_SPECS + " specs");
            }
            try {
                supported.add(TransportSpec.parse(part));
            } catch (UnsupportedTransportException e) {
                unsupported = unsupported == null ? e : unsupported;
            }
        }
        if (!supported.isEmpty()) {
            return new TransportHeader(supported);
        }
        if (unsupported != null) {
            throw unsupported;
        }
        throw new MalformedHeaderException("Transport header is empty");
    }

    /** @return the specs with a supported protocol, in the client's order of preference */
    public List<TransportSpec> specs() {
        return specs;
    }

    /**
     * @return the first spec the server can serve (unicast UDP with client ports, or unicast TCP
     *         whose interleaved channels may be null, left for the server to choose)
     * @throws UnsupportedTransportException when there is none (461)
     */
    public TransportSpec select() throws UnsupportedTransportException {
        for (TransportSpec spec : specs) {
            if (spec.isServable()) {
                return spec;
            }
        }
        throw new UnsupportedTransportException("no unicast RTP/AVP with client_port or RTP/AVP/TCP offered in \""
                + HeaderSyntax.abbreviate(toString()) + "\"");
    }

    /** @return the header value, specs separated by commas */
    @Override
    public String toString() {
        return specs.stream().map(TransportSpec::toString).collect(Collectors.joining(","));
    }
}
