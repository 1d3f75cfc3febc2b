package org.tributary.rtsp.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.tributary.security.AuthParamSyntax;
import org.tributary.security.MalformedAuthorizationException;

/**
 * Coverage-guided fuzzing of {@link AuthorizationHeader#parse}: any header value gives Basic or
 * Digest credentials or a {@link MalformedAuthorizationException}; Basic credentials and a Digest
 * user name written as a client writes them parse back to what was written. Replays
 * {@code AuthorizationHeaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class AuthorizationHeaderFuzzTest {

    private static final String MD5_RESPONSE = "0123456789abcdef0123456789abcdef";

    @FuzzTest(maxDuration = "2m")
    void parse(FuzzedDataProvider data) throws MalformedAuthorizationException {
        switch (data.consumeInt(0, 2)) {
            case 0 -> anyValue(data.consumeRemainingAsBytes());
            case 1 -> basicRoundTrip(data.consumeString(300), data.consumeRemainingAsString());
            default -> digestUserRoundTrip(data.consumeRemainingAsString());
        }
    }

    private static void anyValue(byte[] octets) {
        String header = new String(octets, StandardCharsets.ISO_8859_1);
        AuthorizationHeader parsed;
        try {
            parsed = AuthorizationHeader.parse(header);
        } catch (MalformedAuthorizationException refused) {
            return;
        }
        assertTrue(header.length() <= AuthorizationHeader.MAX_LENGTH, header);
        if (parsed instanceof DigestCredentials digest) {
            assertTrue(!digest.username().isEmpty() && !AuthParamSyntax.hasControl(digest.username()), header);
        } else if (parsed instanceof BasicCredentials basic) {
            assertTrue(!basic.user().isEmpty() && basic.user().indexOf(':') < 0, header);
        }
    }

    private static void basicRoundTrip(String userPart, String passwordPart) throws MalformedAuthorizationException {
        String pair = wellFormed(userPart + ":" + passwordPart);
        // RFC 7617: the user-id ends at the first colon, the password may hold more
        String user = pair.substring(0, pair.indexOf(':'));
        String password = pair.substring(pair.indexOf(':') + 1);
        String token = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        AuthorizationHeader parsed;
        try {
            parsed = AuthorizationHeader.parse("Basic " + token);
        } catch (MalformedAuthorizationException refused) {
            boolean fine = !user.isEmpty()
                    && !AuthParamSyntax.hasControl(user) && !AuthParamSyntax.hasControl(password)
                    && user.getBytes(StandardCharsets.UTF_8).length <= 255
                    && ("Basic " + token).length() <= AuthorizationHeader.MAX_LENGTH;
            assertTrue(!fine, () -> "refused " + refused.getMessage());
            return;
        }
        BasicCredentials basic = (BasicCredentials) parsed;
        assertEquals(user, basic.user());
        assertArrayEquals(password.toCharArray(), basic.password());
    }

    private static void digestUserRoundTrip(String text) throws MalformedAuthorizationException {
        String user = wellFormed(text);
        // the wire carries UTF-8 octets, which the RTSP decoder hands over one char per octet
        String octets = new String(user.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String header = "Digest username=" + AuthParamSyntax.quote(octets) + ", realm=\"Tributary\", nonce=\"abc\","
                + " uri=\"rtsp://h/a\", response=\"" + MD5_RESPONSE + "\"";
        AuthorizationHeader parsed;
        try {
            parsed = AuthorizationHeader.parse(header);
        } catch (MalformedAuthorizationException refused) {
            boolean fine = !user.isEmpty() && !AuthParamSyntax.hasControl(user) && octets.length() <= 255
                    && header.length() <= AuthorizationHeader.MAX_LENGTH;
            assertTrue(!fine, () -> "refused " + refused.getMessage());
            return;
        }
        assertEquals(user, ((DigestCredentials) parsed).username());
    }

    /** @return the text as UTF-8 carries it: an unpaired surrogate becomes '?' */
    private static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
