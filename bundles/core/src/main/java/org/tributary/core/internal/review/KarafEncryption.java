package org.tributary.core.internal.review;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * How Karaf's JAAS properties realm stores passwords (PID {@code org.apache.karaf.jaas}): in plain text, or
 * as {@code PREFIX hash SUFFIX} ({@code {CRYPT}…{CRYPT}}) once {@code encryption.enabled = true}. Only Karaf's
 * basic encryption (a {@link MessageDigest} in hexadecimal or base64) can be checked here; jasypt or Spring
 * Security hashes cannot.
 *
 * @param name      {@code encryption.name}: empty or {@code basic} for the digest Karaf ships
 * @param prefix    {@code encryption.prefix}
 * @param suffix    {@code encryption.suffix}
 * @param algorithm {@code encryption.algorithm}, e.g. {@code SHA-256}
 * @param encoding  {@code encryption.encoding}: {@code hexadecimal} or {@code base64}
 */
record KarafEncryption(String name, String prefix, String suffix, String algorithm, String encoding) {

    /** Karaf's shipped settings of {@code etc/org.apache.karaf.jaas.cfg}. */
    static KarafEncryption from(Map<String, ?> jaasConfig) {
        return new KarafEncryption(text(jaasConfig, "encryption.name", ""), text(jaasConfig, "encryption.prefix", "{CRYPT}"),
                text(jaasConfig, "encryption.suffix", "{CRYPT}"), text(jaasConfig, "encryption.algorithm", "SHA-256"),
                text(jaasConfig, "encryption.encoding", "hexadecimal"));
    }

    /** @return whether a stored password is a hash (wrapped in the prefix and suffix) rather than plain text */
    boolean hashed(String stored) {
        return !prefix.isEmpty() && stored.length() >= prefix.length() + suffix.length()
                && stored.startsWith(prefix) && stored.endsWith(suffix);
    }

    /**
     * @param stored    a hashed password as stored
     * @param candidate a plain password
     * @return whether the hash is that of {@code candidate}; empty when this encryption cannot be checked here
     */
    Optional<Boolean> hashOf(String stored, String candidate) {
        if (!name.isEmpty() && !name.equalsIgnoreCase("basic")) {
            return Optional.empty();
        }
        byte[] digest;
        try {
            // Karaf hashes the platform's default encoding of the password (String.getBytes())
            digest = MessageDigest.getInstance(algorithm).digest(candidate.getBytes(Charset.defaultCharset()));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
        String hash = stored.substring(prefix.length(), stored.length() - suffix.length());
        if (encoding.isEmpty() || encoding.equalsIgnoreCase("hexadecimal")) {
            return Optional.of(hash.equalsIgnoreCase(HexFormat.of().formatHex(digest)));
        }
        if (encoding.equalsIgnoreCase("base64")) {
            return Optional.of(hash.equals(Base64.getEncoder().encodeToString(digest)));
        }
        return Optional.empty();
    }

    private static String text(Map<String, ?> config, String key, String fallback) {
        Object value = config.get(key);
        return value == null ? fallback : value.toString().strip();
    }
}
