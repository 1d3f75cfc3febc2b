package org.tributary.mp3.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The {@code .m3u} and {@code .pls} playlists that point a player at a station's stream. */
final class Playlist {

    /** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");
    private static final int MAX_HOST = 255;

    private Playlist() {
    }

    /** @return the playlist format a path asks for ({@code "m3u"}, {@code "pls"}), or null */
    static String format(String path) {
        return path.endsWith(".m3u") ? "m3u" : path.endsWith(".pls") ? "pls" : null;
    }

    /** @return the station mount a playlist path names */
    static String mount(String path) {
        return path.substring(0, path.length() - 4);
    }

    /** @return the content type of a playlist format */
    static String contentType(String format) {
        return "m3u".equals(format) ? "audio/x-mpegurl" : "audio/x-scpls";
    }

    /**
     * @param host  the request's Host header, untrusted: used only when it is a plain host[:port], else the
     *              local address the request came to is used
     * @param local the local address
     * @return the stream's URL
     */
    static String url(String host, InetSocketAddress local, String mount) {
        String authority = host != null && host.length() <= MAX_HOST && HOST.matcher(host).matches() ? host
                : authority(local);
        return "http://" + authority + mount;
    }

    private static String authority(InetSocketAddress local) {
        String address = local.getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
    }

    /** @return the playlist, in UTF-8 */
    static byte[] body(String format, String url, String name) {
        String text = "m3u".equals(format) ? url + "\r\n"
                : "[playlist]\r\nNumberOfEntries=1\r\nFile1=" + url + "\r\nTitle1=" + name + "\r\nLength1=-1\r\nVersion=2\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
