package org.tributary.rtsp.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The RTSPS part of {@link RtspServerConfig}. RTSPS is on only when a keystore is configured:
 * a distribution ships no certificate, so there is nothing to serve TLS with until the operator
 * makes or installs one.
 *
 * @param ports    the RTSPS ports
 * @param keystore the keystore file as configured (absolute, or relative to etc/), empty when off
 * @param password the keystore's (and key's) password
 * @param type     the keystore type, upper case (PKCS12 or JKS)
 * @param alias    the key entry to serve, empty for the first one
 */
record TlsSettings(List<Integer> ports, String keystore, String password, String type, String alias) {

    static TlsSettings from(RtspServerConfig config) {
        return new TlsSettings(ServerSettings.portList("tlsPorts", orEmpty(config.tlsPorts())),
                orEmpty(config.tlsKeystore()), config.tlsKeystorePassword() == null ? "" : config.tlsKeystorePassword(),
                orEmpty(config.tlsKeystoreType()).toUpperCase(Locale.ROOT), orEmpty(config.tlsKeyAlias()));
    }

    /** @return true when RTSPS should listen: a keystore and at least one port are configured */
    boolean enabled() {
        return !keystore.isEmpty() && !ports.isEmpty();
    }

    /** @return the keystore file, a relative setting resolved against {@code etc} */
    Path keystoreIn(Path etc) {
        Path configured = Path.of(keystore);
        return configured.isAbsolute() ? configured : etc.resolve(configured).normalize();
    }

    /** Keeps the password out of log lines. */
    @Override
    public String toString() {
        return "TlsSettings[ports=" + ports + ", keystore=" + keystore + ", type=" + type + ", alias=" + alias + "]";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
