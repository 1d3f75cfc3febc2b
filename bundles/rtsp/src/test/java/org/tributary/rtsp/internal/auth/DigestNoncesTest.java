package org.tributary.rtsp.internal.auth;

import org.junit.Test;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

public class DigestNoncesTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    private final AtomicLong clock = new AtomicLong(1_000_000L);
    private final DigestNonces nonces = new DigestNonces(new SecureRandom(), clock::get, 1000);

    @Test
    public void nonceCarriesItsIssueTimeAndExpires() {
        String nonce = nonces.issue(CLIENT);
        assertTrue(nonce, nonce.matches("[A-Za-z0-9_-]{54}"));
        assertNotEquals(nonce, nonces.issue(CLIENT));
        assertEquals(new DigestNonces.Check(DigestNonces.Validity.FRESH, 1_000_000L), nonces.check(nonce, CLIENT));
        clock.addAndGet(1000);
        assertEquals(DigestNonces.Validity.FRESH, nonces.check(nonce, CLIENT).validity());
        clock.incrementAndGet();
        assertEquals(new DigestNonces.Check(DigestNonces.Validity.EXPIRED, 1_000_000L), nonces.check(nonce, CLIENT));
    }

    @Test
    public void otherSpellingsAndGarbageAreForged() {
        String nonce = nonces.issue(CLIENT);
        char last = nonce.charAt(nonce.length() - 1);
        // The last character carries 2 data bits and 4 padding bits: change only a padding bit.
        String respelled = nonce.substring(0, nonce.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
        for (String bad : new String[] {respelled, nonce + "==", nonce.substring(1), "", "!!!", nonce + "AAAA"}) {
            assertEquals(bad, DigestNonces.Validity.FORGED, nonces.check(bad, CLIENT).validity());
        }
        DigestNonces otherServer = new DigestNonces(new SecureRandom(), clock::get, 1000);
        assertEquals(DigestNonces.Validity.FORGED, otherServer.check(nonce, CLIENT).validity());
    }

    @Test
    public void aNonceIsForgedFromAnyOtherAddress() throws Exception {
        String nonce = nonces.issue(CLIENT);
        for (String other : new String[] {"127.0.0.2", "::1", "10.0.0.1"}) {
            assertEquals(other, DigestNonces.Validity.FORGED, nonces.check(nonce, InetAddress.getByName(other)).validity());
        }
        assertEquals(DigestNonces.Validity.FRESH, nonces.check(nonce, CLIENT).validity());
    }

    @Test
    public void opaqueIsPerInstance() {
        assertTrue(nonces.opaque().matches("[A-Za-z0-9_-]{22}"));
        assertNotEquals(nonces.opaque(), new DigestNonces(new SecureRandom(), clock::get, 1000).opaque());
    }
}
