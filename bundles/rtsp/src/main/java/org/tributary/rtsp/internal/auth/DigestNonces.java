package org.tributary.rtsp.internal.auth;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces bound to one server run and to one client address: {@code base64url(issuedAtMillis
 * (8 bytes) || random (16 bytes) || HMAC-SHA256(secret, issuedAt || random || client address)[0..16))},
 * 54 characters. The secret is random per instance, so a restart (or another server) invalidates
 * every nonce; the address is in the MAC but not in the nonce, so an answer captured on the way is
 * useless from any other address (its nonce is FORGED there); the server stores nothing per challenge.
 */
final class DigestNonces {

    /** Whether a nonce came from here and is still young enough. */
    enum Validity { FRESH, EXPIRED, FORGED }

    /**
     * @param validity       the verdict
     * @param issuedAtMillis when it was issued; meaningful unless FORGED
     */
    record Check(Validity validity, long issuedAtMillis) {
    }

    private static final String HMAC = "HmacSHA256";
    private static final int TIME_BYTES = Long.BYTES;
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    private static final int SECRET_BYTES = 32;

    private final SecretKeySpec secret;
    private final SecureRandom random;
    private final LongSupplier clockMillis;
    private final long lifetimeMillis;
    private final String opaque;

    /**
     * @param random         source of the secret, the nonce randomness and the opaque value
     * @param clockMillis    the current time in milliseconds
     * @param lifetimeMillis how long a nonce stays FRESH
     */
    DigestNonces(SecureRandom random, LongSupplier clockMillis, long lifetimeMillis) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        this.secret = new SecretKeySpec(key, HMAC);
        this.random = random;
        this.clockMillis = clockMillis;
        this.lifetimeMillis = lifetimeMillis;
        byte[] opaqueBytes = new byte[RANDOM_BYTES];
        random.nextBytes(opaqueBytes);
        this.opaque = Base64.getUrlEncoder().withoutPadding().encodeToString(opaqueBytes);
    }

    /** @return a new nonce for a client at {@code client}, stamped with the current time */
    String issue(InetAddress client) {
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES);
        nonce.putLong(clockMillis.getAsLong());
        byte[] randomPart = new byte[RANDOM_BYTES];
        random.nextBytes(randomPart);
        nonce.put(randomPart);
        nonce.put(mac(nonce.array(), client), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** @return the opaque value of this server run, carried in every challenge */
    String opaque() {
        return opaque;
    }

    /** Checks a nonce a client at {@code client} sent back; never throws for garbage (it is FORGED). */
    Check check(String nonce, InetAddress client) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return new Check(Validity.FORGED, 0);
        }
        // Only the canonical spelling: other spellings of the same bytes would be other nonces.
        if (bytes.length != NONCE_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(nonce)) {
            return new Check(Validity.FORGED, 0);
        }
        byte[] expected = Arrays.copyOf(mac(bytes, client), MAC_BYTES);
        byte[] actual = Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Check(Validity.FORGED, 0);
        }
        long issuedAt = ByteBuffer.wrap(bytes).getLong();
        boolean expired = clockMillis.getAsLong() - issuedAt > lifetimeMillis;
        return new Check(expired ? Validity.EXPIRED : Validity.FRESH, issuedAt);
    }

    /** @return HMAC-SHA256 over the time and random parts of a nonce and the client's address */
    private byte[] mac(byte[] nonce, InetAddress client) {
        try {
            // A Mac is not thread-safe and cheap to make; event loops call this concurrently.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
            mac.update(client.getAddress());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}
