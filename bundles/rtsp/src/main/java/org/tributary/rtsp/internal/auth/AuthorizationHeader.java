package org.tributary.rtsp.internal.auth;

import java.util.Locale;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

/**
 * The credentials of an RTSP/HTTP {@code Authorization} header: {@link BasicCredentials}
 * (RFC 7617) or {@link DigestCredentials} (RFC 7616). Parsing checks syntax and bounds only;
 * whether the credentials are right is for the realms ({@code AccessService}) and
 * {@link DigestAuthenticator} to say.
 */
public sealed interface AuthorizationHeader permits BasicCredentials, DigestCredentials {

    /** Longest Authorization header value accepted, in characters. */
    int MAX_LENGTH = AuthParamSyntax.MAX_HEADER_LENGTH;

    /**
     * Parses an Authorization header value.
     *
     * @param header the value as received, one char per octet (ISO-8859-1), as the RTSP decoder reads it
     * @return Basic or Digest credentials
     * @throws MalformedAuthorizationException when the value is longer than
     *         {@value #MAX_LENGTH} characters, holds control characters, names
     *         another scheme, or its credentials are malformed (the server answers 400)
     */
    static AuthorizationHeader parse(String header) throws MalformedAuthorizationException {
        AuthParamSyntax.checkHeader(header);
        int start = AuthParamSyntax.skipBlanks(header, 0);
        int end = start;
        while (end < header.length() && AuthParamSyntax.isTchar(header.charAt(end))) {
            end++;
        }
        if (end == start) {
            throw new MalformedAuthorizationException(start == header.length()
                    ? "Authorization header is empty" : "Authorization header does not start with a scheme name");
        }
        String scheme = header.substring(start, end);
        if (end < header.length() && header.charAt(end) != ' ' && header.charAt(end) != '\t') {
            throw new MalformedAuthorizationException("scheme " + AuthParamSyntax.abbreviate(scheme)
                    + " is followed by '" + header.charAt(end) + "' instead of a space");
        }
        String rest = header.substring(AuthParamSyntax.skipBlanks(header, end)).strip();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic":
                return BasicCredentials.parse(rest);
            case "digest":
                if (rest.isEmpty()) {
                    throw new MalformedAuthorizationException("Digest credentials have no parameters");
                }
                return DigestCredentials.of(AuthParamSyntax.parameters(rest));
            default:
                throw new MalformedAuthorizationException("authentication scheme "
                        + AuthParamSyntax.abbreviate(scheme) + " is not supported (Basic or Digest expected)");
        }
    }
}
