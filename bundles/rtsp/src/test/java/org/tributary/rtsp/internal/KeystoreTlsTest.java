package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.netty.handler.ssl.SslContext;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Loading the RTSPS keystore: a usable one makes a TLS 1.2+ server context, every bad one is named. */
public class KeystoreTlsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private static TlsSettings settings(String keystore, String password, String type, String alias) {
        return new TlsSettings(List.of(322), keystore, password, type, alias);
    }

    @Test
    public void aPkcs12KeystoreRelativeToEtcMakesAServerContext() throws Exception {
        TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        SslContext context = KeystoreTls.load(settings("rtsps.p12", TestKeystores.PASSWORD, "PKCS12", ""),
                folder.getRoot().toPath());
        assertTrue(context.isServer());
    }

    @Test
    public void onlyTls12AndNewerAreOffered() throws Exception {
        Path file = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        SslContext context = KeystoreTls.load(settings(file.toString(), TestKeystores.PASSWORD, "PKCS12", ""),
                folder.getRoot().toPath());
        List<String> offered = List.of(context.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT)
                .getEnabledProtocols());
        assertTrue(offered.toString(), offered.contains("TLSv1.2"));
        assertTrue(offered.toString(), offered.stream().allMatch(p -> p.equals("TLSv1.2") || p.equals("TLSv1.3")));
    }

    @Test
    public void aJksKeystoreWithANamedKeyWorks() throws Exception {
        Path file = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.jks"), "JKS", "media");
        assertTrue(KeystoreTls.load(settings(file.toString(), TestKeystores.PASSWORD, "JKS", "media"),
                folder.getRoot().toPath()).isServer());
    }

    @Test
    public void aWrongPasswordNamesTheFileAndThePassword() throws Exception {
        Path file = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        String message = refusal(settings(file.toString(), "wrong", "PKCS12", ""));
        assertTrue(message, message.contains(file.toString()) && message.contains("password"));
    }

    @Test
    public void aMissingFileIsNamed() {
        String message = refusal(settings("nowhere.p12", "x", "PKCS12", ""));
        assertEquals("keystore " + folder.getRoot().toPath().resolve("nowhere.p12")
                + " does not exist or is not a file", message);
    }

    @Test
    public void aFileThatIsNoKeystoreIsNamed() throws IOException {
        Path file = Files.writeString(folder.getRoot().toPath().resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        String message = refusal(settings(file.toString(), "x", "PKCS12", ""));
        assertTrue(message, message.startsWith("keystore " + file + ": "));
    }

    @Test
    public void anOversizedFileIsNotRead() throws IOException {
        Path file = Files.write(folder.getRoot().toPath().resolve("huge.p12"),
                new byte[(int) KeystoreTls.MAX_KEYSTORE_BYTES + 1]);
        assertTrue(refusal(settings(file.toString(), "x", "PKCS12", "")).contains("more than a keystore's"));
    }

    @Test
    public void anUnknownTypeIsNamed() throws Exception {
        Path file = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        String message = refusal(settings(file.toString(), TestKeystores.PASSWORD, "PEM", ""));
        assertTrue(message, message.contains("type 'PEM' is not supported"));
    }

    @Test
    public void aMissingAliasIsNamed() throws Exception {
        Path file = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        String message = refusal(settings(file.toString(), TestKeystores.PASSWORD, "PKCS12", "other"));
        assertTrue(message, message.contains("no key entry named 'other'"));
    }

    @Test
    public void settingsKeepThePasswordOutOfLogs() {
        TlsSettings tls = settings("a.p12", "s3cret", "PKCS12", "");
        assertTrue(tls.enabled());
        assertTrue(!tls.toString().contains("s3cret"));
        assertTrue(!settings("", "s3cret", "PKCS12", "").enabled());
        assertTrue(!new TlsSettings(List.of(), "a.p12", "", "PKCS12", "").enabled());
    }

    private String refusal(TlsSettings tls) {
        return assertThrows(KeystoreTls.KeystoreException.class,
                () -> KeystoreTls.load(tls, folder.getRoot().toPath())).getMessage();
    }
}
