package org.tributary.rtsp.internal.auth;

import org.tributary.api.DigestAlgorithm;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How the server does Digest authentication.
 *
 * <p>The order of {@code algorithms} is the order of the {@code WWW-Authenticate} headers. RFC 7616
 * clients take the first one they support, so SHA-256 goes first; but keep MD5 <em>last</em>:
 * ffmpeg 5.1 and GStreamer 1.22 take the <em>last</em> Digest challenge and only do MD5 (see
 * {@link DigestAuthenticator}), and with SHA-256 last ffmpeg sends no credentials at all.
 *
 * @param algorithms       the algorithms offered and accepted, in challenge order; not empty
 * @param nonceLifetime    how long a nonce is accepted before it is STALE
 * @param acceptWithoutQop whether RFC 2069 responses without qop are accepted (GStreamer 1.22 and
 *                         QuickTime send no qop); such a nonce can be replayed until it expires
 * @param replayCacheSize  how many nonces the nc replay check remembers
 */
public record DigestOptions(List<DigestAlgorithm> algorithms, Duration nonceLifetime, boolean acceptWithoutQop,
        int replayCacheSize) {

    /** Default nonce lifetime. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);
    /** Default number of nonces whose highest nc is remembered. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE = 10_000;

    /** Copies the list and checks the values. */
    public DigestOptions {
        algorithms = List.copyOf(algorithms);
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        if (algorithms.isEmpty() || new HashSet<>(algorithms).size() != algorithms.size()) {
            throw new IllegalArgumentException("algorithms " + algorithms + " are empty or repeat one");
        }
        if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime " + nonceLifetime + " is not positive");
        }
        if (replayCacheSize < 1) {
            throw new IllegalArgumentException("replay cache size " + replayCacheSize + " is not positive");
        }
    }

    /** @return SHA-256 then MD5, 5 minute nonces, responses without qop accepted, 10,000 nonces remembered */
    public static DigestOptions defaults() {
        return new DigestOptions(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), DEFAULT_NONCE_LIFETIME,
                true, DEFAULT_REPLAY_CACHE_SIZE);
    }
}
