package org.tributary.rtp.rtsp;

/**
 * The {@code a-b} pair of a Transport parameter: RTP then RTCP port ({@code client_port},
 * {@code server_port}) or interleaved channel ({@code interleaved}).
 *
 * @param rtp  the RTP port or channel
 * @param rtcp the RTCP port or channel, never below {@code rtp}
 */
public record PortPair(int rtp, int rtcp) {

    /** Validates the order; bounds depend on the parameter and are checked by {@link #parse}. */
    public PortPair {
        if (rtp < 0 || rtcp < rtp) {
            throw new IllegalArgumentException("bad pair " + rtp + "-" + rtcp);
        }
    }

    /**
     * Parses {@code a-b}, or a single {@code a} meaning {@code a} and {@code a+1}.
     *
     * @param text the parameter value
     * @param min  smallest number allowed
     * @param max  largest number allowed
     * @param what the parameter name, for the error message
     * @throws MalformedHeaderException when a number is not decimal, out of bounds or the pair is reversed
     */
    static PortPair parse(String text, int min, int max, String what) throws MalformedHeaderException {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int rtp = (int) HeaderSyntax.decimal(text, min, max, what);
            if (rtp == max) {
                throw new MalformedHeaderException(what + " " + rtp + " leaves no room for the RTCP "
                        + "number after it");
            }
            return new PortPair(rtp, rtp + 1);
        }
        int rtp = (int) HeaderSyntax.decimal(text.substring(0, dash).strip(), min, max, what);
        int rtcp = (int) HeaderSyntax.decimal(text.substring(dash + 1).strip(), min, max, what);
        if (rtcp < rtp) {
            throw new MalformedHeaderException(what + " " + text + " ends before it starts");
        }
        return new PortPair(rtp, rtcp);
    }

    /** @return {@code rtp-rtcp}, as written in a Transport header */
    @Override
    public String toString() {
        return rtp + "-" + rtcp;
    }
}
