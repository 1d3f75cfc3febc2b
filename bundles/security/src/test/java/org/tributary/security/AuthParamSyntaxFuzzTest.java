package org.tributary.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Coverage-guided fuzzing of {@link AuthParamSyntax#parameters}, which reads what clients send in
 * Authorization and what origins send in WWW-Authenticate: any octets give parameters or a
 * {@link MalformedAuthorizationException}, names are tokens, and a list written with
 * {@link AuthParamSyntax#quote} parses back to what was written. Replays
 * {@code AuthParamSyntaxFuzzTestInputs/}; {@code -Pfuzz} fuzzes it.
 */
class AuthParamSyntaxFuzzTest {

    private static final int MAX_PARAMETERS = 8;

    @FuzzTest(maxDuration = "2m")
    void parse(FuzzedDataProvider data) throws MalformedAuthorizationException {
        if (data.consumeBoolean()) {
            roundTrip(data);
        } else {
            anyValue(new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    private static void anyValue(String text) {
        Map<String, String> parsed;
        try {
            parsed = AuthParamSyntax.parameters(text);
        } catch (MalformedAuthorizationException refused) {
            return;
        }
        for (Map.Entry<String, String> parameter : parsed.entrySet()) {
            String name = parameter.getKey();
            assertTrue(!name.isEmpty() && name.chars().allMatch(c -> AuthParamSyntax.isTchar((char) c)), text);
            assertTrue(parameter.getValue().length() <= text.length(), text);
        }
    }

    private static void roundTrip(FuzzedDataProvider data) throws MalformedAuthorizationException {
        Map<String, String> written = new LinkedHashMap<>();
        StringJoiner list = new StringJoiner(", ");
        int count = data.consumeInt(0, MAX_PARAMETERS);
        for (int i = 0; i < count; i++) {
            String name = "p" + i + token(data.consumeString(20));
            String value = data.consumeString(200);
            boolean asToken = data.consumeBoolean() && !value.isEmpty()
                    && value.chars().allMatch(c -> AuthParamSyntax.isTchar((char) c));
            written.put(name.toLowerCase(Locale.ROOT), value);
            list.add(name + "=" + (asToken ? value : AuthParamSyntax.quote(value)));
        }
        assertEquals(written, AuthParamSyntax.parameters(list.toString()), list.toString());
    }

    private static String token(String text) {
        StringBuilder token = new StringBuilder();
        text.chars().filter(c -> AuthParamSyntax.isTchar((char) c)).forEach(c -> token.append((char) c));
        return token.toString();
    }
}
