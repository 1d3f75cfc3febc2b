package org.tributary.source.live.internal.relay;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.tributary.security.AuthParamSyntax;

/**
 * An origin's {@code rtsp://[user:password@]host[:port]/path} URL, split into where to connect,
 * what to request and who to log in as. {@link #toString()} never shows the credentials.
 *
 * @param host     the host name or address (IPv6 in brackets)
 * @param port     the TCP port, 554 when the URL names none
 * @param path     the absolute path with its query, {@code /} at least
 * @param user     the user name, {@code null} without credentials
 * @param password the password, {@code ""} when the URL gives a user only
 */
record OriginUrl(String host, int port, String path, String user, String password) {

    static final int DEFAULT_PORT = 554;

    /**
     * @param url the configured URL; untrusted
     * @return the parsed URL
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    static OriginUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("relay url is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("relay url is not a valid URI: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("rtsp")) {
            throw new IllegalArgumentException("relay url must start with rtsp://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("relay url has no host");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String user = null;
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            if (AuthParamSyntax.hasControl(user)) {
                // it is written into the Digest answer's header line
                throw new IllegalArgumentException("relay url user name holds a control character");
            }
        }
        return new OriginUrl(uri.getHost(), port, path, user, password);
    }

    private static String decode(String part) {
        // URLDecoder is for forms, where '+' means a space; in a URL's user info it is a plus
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** @return the URL to request, without credentials */
    String requestUri() {
        return "rtsp://" + host + ":" + port + path;
    }

    /** @return {@code true} when the URL carries a user name */
    boolean hasCredentials() {
        return user != null;
    }

    @Override
    public String toString() {
        return requestUri();
    }
}
