package org.tributary.rtp.rtsp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Request-URI of an RTSP request: {@code rtsp://host[:port]/path}, {@code rtsps://...}, an
 * absolute path {@code /path}, or {@code *} (OPTIONS). The path is percent-decoded exactly once as
 * UTF-8; query and fragment are dropped; a last segment {@code trackID=N} (or {@code streamid=N},
 * {@code track=N}) selects a track and is removed from the path. {@code ..} segments are kept as
 * they are: confinement is the media source's job.
 */
public final class RtspUri {

    /** Longest Request-URI accepted. */
    public static final int MAX_LENGTH = 4096;

    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(rtsps?|rtspu)://([^/]*)(.*)");
    private static final Pattern AUTHORITY = Pattern.compile("[0-9A-Za-z._~!$&'()*+,;=:@\\[\\]%-]+");
    private static final Pattern TRACK = Pattern.compile("(?i)(?:trackID|streamid|track)=(\\d{1,9})");
    private static final String UNSAFE_IN_HEADERS = "\",;<>\\^`{|}";
    private static final int NO_TRACK = -1;

    private final String path;
    private final int trackId;
    private final String baseUrl;

    private RtspUri(String path, int trackId, String baseUrl) {
        this.path = path;
        this.trackId = trackId;
        this.baseUrl = baseUrl;
    }

    /**
     * Parses a Request-URI.
     *
     * @param uri the URI exactly as it appeared in the request line
     * @return the parsed URI
     * @throws MalformedHeaderException when the URI is empty, longer than {@value #MAX_LENGTH}, of another
     *                                  scheme, has a bad port, a malformed percent escape, invalid UTF-8, or
     *                                  decodes to a control character such as NUL (400)
     */
    public static RtspUri parse(String uri) throws MalformedHeaderException {
        if (uri.isEmpty() || uri.length() > MAX_LENGTH) {
            throw new MalformedHeaderException("request URI of " + uri.length() + " characters is empty or longer"
                    + " than " + MAX_LENGTH);
        }
        if (uri.equals("*")) {
            return new RtspUri("*", NO_TRACK, "*");
        }
        String target = withoutQuery(uri);
        String prefix;
        String rawPath;
        if (target.startsWith("/")) {
            prefix = "";
            rawPath = target;
        } else {
            Matcher absolute = ABSOLUTE.matcher(target);
            if (!absolute.matches()) {
                throw new MalformedHeaderException("request URI \"" + HeaderSyntax.abbreviate(uri)
                        + "\" is neither rtsp://host/path nor /path");
            }
            checkAuthority(absolute.group(2));
            prefix = absolute.group(1) + "://" + absolute.group(2);
            rawPath = absolute.group(3).isEmpty() ? "/" : absolute.group(3);
        }
        rawPath = withoutTrailingSlashes(rawPath);
        int trackId = NO_TRACK;
        int lastSlash = rawPath.lastIndexOf('/');
        Matcher track = TRACK.matcher(rawPath.substring(lastSlash + 1));
        if (track.matches()) {
            trackId = Integer.parseInt(track.group(1));
            rawPath = withoutTrailingSlashes(lastSlash == 0 ? "/" : rawPath.substring(0, lastSlash));
        }
        String base = prefix + (rawPath.equals("/") ? "" : rawPath);
        return new RtspUri(decode(rawPath), trackId, escapeUnsafe(base));
    }

    private static String withoutQuery(String uri) {
        int end = uri.length();
        int query = uri.indexOf('?');
        int fragment = uri.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return uri.substring(0, end);
    }

    private static String withoutTrailingSlashes(String rawPath) {
        int end = rawPath.length();
        while (end > 1 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        return rawPath.substring(0, end);
    }

    private static void checkAuthority(String authority) throws MalformedHeaderException {
        if (!AUTHORITY.matcher(authority).matches()) {
            throw new MalformedHeaderException("host \"" + HeaderSyntax.abbreviate(authority)
                    + "\" of the request URI is empty or holds invalid characters");
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostPort.lastIndexOf(']') && colon < hostPort.length() - 1) {
            HeaderSyntax.decimal(hostPort.substring(colon + 1), 1, 65535, "request URI port");
        }
    }

    /** Percent-decodes once; other characters stand for the bytes the request line carried. */
    private static String decode(String raw) throws MalformedHeaderException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) != '%') {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(wireBytes(codePoint));
                i += Character.charCount(codePoint) - 1;
                continue;
            }
            int high = i + 2 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
            int low = high >= 0 ? hexValue(raw.charAt(i + 2)) : -1;
            if (low < 0) {
                throw new MalformedHeaderException("malformed percent escape \""
                        + raw.substring(i, Math.min(raw.length(), i + 3)) + "\" at offset " + i + " of the path");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedHeaderException("path \"" + HeaderSyntax.abbreviate(raw) + "\" is not valid UTF-8");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new MalformedHeaderException(String.format("path holds control character U+%04X", (int) c));
            }
        }
        return path;
    }

    /** ASCII hexadecimal only: {@link Character#digit} would also take other scripts' digits. */
    private static int hexValue(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** Escapes what would break a header value (blanks, controls, commas, semicolons...). */
    private static String escapeUnsafe(String url) {
        StringBuilder out = new StringBuilder(url.length());
        url.codePoints().forEach(c -> {
            if (c > 0x20 && c < 0x7F && UNSAFE_IN_HEADERS.indexOf(c) < 0) {
                out.append((char) c);
            } else {
                for (byte b : wireBytes(c)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return out.toString();
    }

    /** Characters up to U+00FF stand for the bytes the decoder read from the request line; others are UTF-8. */
    private static byte[] wireBytes(int codePoint) {
        if (codePoint <= 0xFF) {
            return new byte[] {(byte) codePoint};
        }
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }

    /** @return true for the {@code *} of {@code OPTIONS *} */
    public boolean isAsterisk() {
        return path.equals("*");
    }

    /**
     * @return the decoded path without query and track selector, starting with {@code /} and without
     *         trailing slash (except the root {@code /}); {@code *} for {@link #isAsterisk()}
     */
    public String path() {
        return path;
    }

    /** @return the track selected by a last {@code trackID=N} segment, if any */
    public OptionalInt trackId() {
        return trackId == NO_TRACK ? OptionalInt.empty() : OptionalInt.of(trackId);
    }

    /**
     * @return the URI as the client wrote it, without query, track selector and trailing slash,
     *         with characters that would break a header escaped; {@code baseUrl() + "/"} is the
     *         Content-Base and {@code baseUrl() + "/trackID=N"} a track URL. Relative (a path)
     *         when the request carried an absolute path.
     */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String toString() {
        return baseUrl + (trackId == NO_TRACK ? "" : "/trackID=" + trackId);
    }
}
