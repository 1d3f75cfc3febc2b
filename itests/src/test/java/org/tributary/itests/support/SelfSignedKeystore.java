package org.tributary.itests.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes a PKCS12 keystore with a fresh self-signed certificate for 127.0.0.1 with the JDK's own
 * keytool, so the RTSPS tests commit no key or certificate.
 */
public final class SelfSignedKeystore {

    /** The password of every keystore made here (store and key). */
    public static final String PASSWORD = "tributary-test";

    private SelfSignedKeystore() {
    }

    /** Writes the keystore to {@code file} (which must not exist yet) and returns it. */
    public static Path create(Path file) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessResult made = ExternalCommand.of(keytool, "-genkeypair", "-alias", "tributary", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .timeout(Duration.ofSeconds(60)).run();
        if (made.exitCode() != 0) {
            throw new IOException("keytool could not make " + file + made.describe());
        }
        return file;
    }
}
