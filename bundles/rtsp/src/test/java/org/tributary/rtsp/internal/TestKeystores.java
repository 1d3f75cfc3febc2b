package org.tributary.rtsp.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes self-signed keystores with the JDK's keytool, so no key or certificate is committed. */
final class TestKeystores {

    static final String PASSWORD = "changeit";

    private TestKeystores() {
    }

    /** Writes a keystore of {@code type} holding one EC key with a certificate for 127.0.0.1 under {@code alias}. */
    static Path create(Path file, String type, String alias) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", type, "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool could not make " + file);
        }
        return file;
    }
}
