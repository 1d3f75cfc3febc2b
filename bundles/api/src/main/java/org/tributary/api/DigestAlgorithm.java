package org.tributary.api;

/** The HTTP Digest hash algorithms (RFC 7616) a realm may hold HA1 values for. */
public enum DigestAlgorithm {
    /** MD5, the RFC 2617 default that QuickTime-era clients use. */
    MD5("MD5", "MD5"),
    /** SHA-256, RFC 7616's recommended algorithm. */
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String javaName;

    DigestAlgorithm(String token, String javaName) {
        this.token = token;
        this.javaName = javaName;
    }

    /** @return the {@code algorithm=} token of the WWW-Authenticate and Authorization headers */
    public String token() {
        return token;
    }

    /** @return the {@link java.security.MessageDigest} algorithm name */
    public String javaName() {
        return javaName;
    }
}
