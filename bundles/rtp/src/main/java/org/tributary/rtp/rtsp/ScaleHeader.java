package org.tributary.rtp.rtsp;

import java.util.regex.Pattern;

/**
 * The Scale header of a PLAY (RFC 2326 §12.34): the rate of play, {@code [ "-" ] 1*DIGIT [ "." *DIGIT ]}.
 * The server plays at normal rate only, and answers as follows:
 * <table>
 * <caption>Scale values and answers</caption>
 * <tr><th>value</th><th>answer</th></tr>
 * <tr><td>{@code 1}, {@code 1.0}</td><td>200, {@code Scale: 1}</td></tr>
 * <tr><td>any other positive rate ({@code 2}, {@code 0.5})</td><td>200 at normal rate, {@code Scale: 1} says
 *     so (the RFC: the server answers with the scale it chose)</td></tr>
 * <tr><td>a negative rate (reverse play)</td><td>456 Header Field Not Valid for Resource: playing forward
 *     instead would mislead a client that asked for reverse</td></tr>
 * <tr><td>{@code 0}, and anything outside the grammar ({@code NaN}, {@code Infinity}, {@code 1e3},
 *     {@code +2}, empty, more than 9 digits a side)</td><td>400 Bad Request</td></tr>
 * </table>
 */
public final class ScaleHeader {

    /** The only scale the server plays at, as written in answers. */
    public static final String NORMAL = "1";

    private static final Pattern SYNTAX = Pattern.compile("-?\\d{1,9}(?:\\.\\d{0,9})?");

    private ScaleHeader() {
    }

    /**
     * @param value the request's Scale header
     * @return the scale the server plays at, for the answer's Scale header
     * @throws RtspHeaderException 400 for a value outside the grammar or zero, 456 for reverse play
     */
    public static String choose(String value) throws RtspHeaderException {
        String trimmed = value.trim();
        if (!SYNTAX.matcher(trimmed).matches()) {
            throw new MalformedHeaderException("Scale '" + HeaderSyntax.abbreviate(value) + "' is not a number");
        }
        double scale = Double.parseDouble(trimmed);
        if (scale == 0) {
            throw new MalformedHeaderException("Scale 0 is no rate of play");
        }
        if (scale < 0) {
            throw new UnsupportedScaleException("Scale " + trimmed + ": reverse play is not supported");
        }
        return NORMAL;
    }

    /** A scale the server cannot play at: 456 Header Field Not Valid for Resource. */
    public static final class UnsupportedScaleException extends RtspHeaderException {

        private static final long serialVersionUID = 1L;

        UnsupportedScaleException(String message) {
            super(456, message);
        }
    }
}
