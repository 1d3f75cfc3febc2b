package org.tributary.auth.internal.file;

import java.util.Optional;

import org.tributary.api.DigestAlgorithm;

/**
 * One user of a qtusers file. QTSS writes {@code name:crypt:md5}; Tributary writes
 * {@code name::md5:sha256} and never a crypt or plain password.
 *
 * @param name      the user name
 * @param crypt     the DES crypt of QTSS, or empty; kept only to rewrite the line as it was
 * @param md5Ha1    lower-case hex MD5 HA1, or empty
 * @param sha256Ha1 lower-case hex SHA-256 HA1, or empty
 */
record QtUser(String name, String crypt, String md5Ha1, String sha256Ha1) {

    /** @return the HA1 for an algorithm, when the line holds one */
    Optional<String> ha1(DigestAlgorithm algorithm) {
        String ha1 = algorithm == DigestAlgorithm.MD5 ? md5Ha1 : sha256Ha1;
        return ha1.isEmpty() ? Optional.empty() : Optional.of(ha1);
    }

    /** @return true when a password can be checked (a crypt-only QTSS line cannot) */
    boolean hasDigest() {
        return !md5Ha1.isEmpty() || !sha256Ha1.isEmpty();
    }

    /** @return the line for the users file */
    String line() {
        String base = name + ":" + crypt + ":" + md5Ha1;
        return sha256Ha1.isEmpty() ? base : base + ":" + sha256Ha1;
    }
}
