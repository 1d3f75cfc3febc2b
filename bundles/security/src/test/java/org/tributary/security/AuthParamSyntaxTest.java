package org.tributary.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The auth-param syntax shared by the server's Authorization parser and the relay's WWW-Authenticate
 * reader: the full table of quoting, escapes and malformed lists, octet checks and strict UTF-8.
 */
public class AuthParamSyntaxTest {

    /** Well-formed lists and what they parse to, as alternating name and value. */
    private static final Object[][] WELL_FORMED = {
        {"", List.of()},
        {"realm=\"Tributary\", nonce=\"abc\"", List.of("realm", "Tributary", "nonce", "abc")},
        {"REALM=x, Nonce=Y", List.of("realm", "x", "nonce", "Y")},
        {"realm=\"a\\\"b\"", List.of("realm", "a\"b")},
        {"realm=\"a\\\\b\"", List.of("realm", "a\\b")},
        {"realm=\"a\\qb\"", List.of("realm", "aqb")},
        {"realm=\"\"", List.of("realm", "")},
        {"realm=\"a, b=c; d\"", List.of("realm", "a, b=c; d")},
        {", ,realm=x,, nonce=y ,", List.of("realm", "x", "nonce", "y")},
        {"realm = \"x\" ,\tnonce\t=\ty", List.of("realm", "x", "nonce", "y")},
        {"qop=\"auth,auth-int\", algorithm=MD5-sess", List.of("qop", "auth,auth-int", "algorithm", "MD5-sess")},
        {"nc=00000001, x!#$%&'*+-.^_`|~=!#$%&'*+-.^_`|~", List.of("nc", "00000001", "x!#$%&'*+-.^_`|~", "!#$%&'*+-.^_`|~")},
        {"realm=\"caf\u00c3\u00a9\"", List.of("realm", "caf\u00c3\u00a9")},
    };

    /** Malformed lists and a fragment of the message naming the cause. */
    private static final String[][] MALFORMED = {
        {"realm=\"abc", "realm has an unterminated quoted string"},
        {"realm=\"abc\\", "realm has an unterminated quoted string"},
        {"realm=\"abc\\\"", "realm has an unterminated quoted string"},
        {"realm", "realm has no '=' and value"},
        {"realm nonce=x", "realm has no '=' and value"},
        {"realm=", "realm has no value"},
        {"realm=, nonce=x", "realm has no value"},
        {"=x", "unexpected '=' at position 0"},
        {"\"realm\"=x", "unexpected '\"' at position 0"},
        {"\u00e9alm=x", "unexpected '\u00e9' at position 0"},
        {"r\u00e9alm=x", "r has no '=' and value"},
        {"realm=x nonce=y", "realm is followed by 'n' instead of ','"},
        {"realm=x;nonce=y", "realm is followed by ';' instead of ','"},
        {"realm=a\"b\"", "realm is followed by '\"' instead of ','"},
        {"realm=\"a\"b", "realm is followed by 'b' instead of ','"},
        {"realm=x, realm=y", "realm appears twice"},
        {"Realm=x, rEALM=y", "realm appears twice"},
    };

    @Test
    public void parsesTheWellFormedTable() throws Exception {
        for (Object[] row : WELL_FORMED) {
            @SuppressWarnings("unchecked")
            List<String> pairs = (List<String>) row[1];
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                expected.put(pairs.get(i), pairs.get(i + 1));
            }
            Map<String, String> parsed = AuthParamSyntax.parameters((String) row[0]);
            assertEquals((String) row[0], expected, parsed);
            assertEquals((String) row[0], List.copyOf(expected.keySet()), List.copyOf(parsed.keySet()));
        }
    }

    @Test
    public void refusesTheMalformedTableNamingTheCause() {
        for (String[] row : MALFORMED) {
            MalformedAuthorizationException refused = assertThrows(row[0], MalformedAuthorizationException.class,
                    () -> AuthParamSyntax.parameters(row[0]));
            assertTrue(row[0] + " -> " + refused.getMessage(), refused.getMessage().contains(row[1]));
        }
    }

    @Test
    public void quotedValuesParseBackToThemselves() throws Exception {
        for (String value : new String[] {"", "plain", "a\"b", "a\\b", "\\\"", "\"\"\\\\", "a, b=\"c\"", "\u00e9\u00ff"}) {
            String quoted = AuthParamSyntax.quote(value);
            assertTrue(quoted, quoted.startsWith("\"") && quoted.endsWith("\""));
            assertEquals(Map.of("v", value), AuthParamSyntax.parameters("v=" + quoted));
        }
        assertEquals("\"a\\\"b\\\\c\"", AuthParamSyntax.quote("a\"b\\c"));
    }

    @Test
    public void checksTheOctetsOfAWholeHeader() throws Exception {
        AuthParamSyntax.checkHeader("Digest realm=\"x\",\tnonce=\"\u00ff\"");
        AuthParamSyntax.checkHeader("x".repeat(AuthParamSyntax.MAX_HEADER_LENGTH));
        assertTrue(assertThrows(MalformedAuthorizationException.class,
                () -> AuthParamSyntax.checkHeader("x".repeat(AuthParamSyntax.MAX_HEADER_LENGTH + 1)))
                .getMessage().contains("4097 characters exceeds 4096"));
        for (char bad : new char[] {0, '\r', '\n', 0x1f, 0x7f, 0x100, '\u20ac'}) {
            MalformedAuthorizationException refused = assertThrows(MalformedAuthorizationException.class,
                    () -> AuthParamSyntax.checkHeader("Digest realm=\"a" + bad + "\""));
            assertTrue(refused.getMessage(), refused.getMessage().contains(String.format("U+%04X at position 15",
                    (int) bad)));
        }
    }

    @Test
    public void decodesStrictUtf8() throws Exception {
        assertEquals("caf\u00e9", AuthParamSyntax.utf8("caf\u00c3\u00a9", "realm"));
        assertEquals("\u20ac", AuthParamSyntax.utf8(new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, "x").toString());
        for (String bad : new String[] {"\u00ff", "\u00c3", "\u00c0\u00af", "\u00ed\u00a0\u0080", "\u00e2\u0082"}) {
            assertEquals("realm is not valid UTF-8", assertThrows(MalformedAuthorizationException.class,
                    () -> AuthParamSyntax.utf8(bad, "realm")).getMessage());
        }
    }

    @Test
    public void checksTheRealmOfAChallenge() {
        String longest = "r".repeat(AuthParamSyntax.MAX_REALM_LENGTH);
        assertEquals(longest, AuthParamSyntax.challengeRealm(longest));
        assertEquals("Tributary \"x\" ~", AuthParamSyntax.challengeRealm("Tributary \"x\" ~"));
        for (String bad : new String[] {"", longest + "r", "caf\u00e9", "a\tb", "a\u007f"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> AuthParamSyntax.challengeRealm(bad));
        }
    }

    @Test
    public void classifiesCharacters() {
        assertTrue(AuthParamSyntax.isTchar('a') && AuthParamSyntax.isTchar('Z') && AuthParamSyntax.isTchar('9')
                && AuthParamSyntax.isTchar('~') && AuthParamSyntax.isTchar('!'));
        for (char c : new char[] {' ', '"', ',', ';', '=', '(', '\\', '\u00e9', 0}) {
            assertFalse(String.valueOf((int) c), AuthParamSyntax.isTchar(c));
        }
        assertTrue(AuthParamSyntax.isHex("0123456789abcdefABCDEF"));
        assertFalse(AuthParamSyntax.isHex("0g"));
        assertFalse(AuthParamSyntax.isHex("\u0661"));
        assertEquals(4, AuthParamSyntax.skipBlanks("a \t b", 1));
        assertEquals(2, AuthParamSyntax.skipBlanks("ab", 2));
        assertTrue(AuthParamSyntax.hasControl("a\u007fb") && AuthParamSyntax.hasControl("\u0000"));
        assertFalse(AuthParamSyntax.hasControl("a b\u00ff"));
        assertEquals("x".repeat(40) + "...", AuthParamSyntax.abbreviate("x".repeat(41)));
        assertEquals("x".repeat(40), AuthParamSyntax.abbreviate("x".repeat(40)));
    }
}
