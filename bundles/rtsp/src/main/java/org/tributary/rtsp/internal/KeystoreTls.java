package org.tributary.rtsp.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * Makes the server's TLS context from the configured keystore: TLS 1.2 and 1.3 only, the JDK's
 * provider (no native library to ship). Every way the file can be wrong is reported as one
 * {@link KeystoreException} whose message names the file and the cause.
 */
final class KeystoreTls {

    /** A keystore holding one key and its chain is a few KiB; anything far larger is not one. */
    static final long MAX_KEYSTORE_BYTES = 1024 * 1024;
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private KeystoreTls() {
    }

    /** The keystore cannot serve TLS; the message names the file and why. */
    static final class KeystoreException extends Exception {
        private static final long serialVersionUID = 1L;

        KeystoreException(String message) {
            super(message);
        }
    }

    /** @return Karaf's etc/ folder, against which a relative keystore path is resolved */
    static Path etcFolder() {
        String etc = System.getProperty("karaf.etc");
        if (etc != null) {
            return Path.of(etc);
        }
        return Path.of(System.getProperty("karaf.base", "."), "etc");
    }

    /** Loads the keystore of {@code settings} (relative paths against {@code etc}) into a server context. */
    static SslContext load(TlsSettings settings, Path etc) throws KeystoreException {
        Path file;
        try {
            file = settings.keystoreIn(etc);
        } catch (InvalidPathException e) {
            throw new KeystoreException("tlsKeystore '" + settings.keystore() + "' is not a file name");
        }
        KeyStore keys = read(file, settings);
        char[] password = settings.password().toCharArray();
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(onlyTheKey(keys, file, settings), password);
            return SslContextBuilder.forServer(factory).sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
        } catch (UnrecoverableKeyException e) {
            throw new KeystoreException("keystore " + file
                    + ": the key's password differs from the keystore password (tlsKeystorePassword)");
        } catch (GeneralSecurityException | SSLException | IllegalArgumentException e) {
            throw new KeystoreException("keystore " + file + ": " + e.getMessage());
        }
    }

    private static KeyStore read(Path file, TlsSettings settings) throws KeystoreException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new KeystoreException("keystore " + file + " does not exist or is not a file");
            }
            long size = Files.size(file);
            if (size > MAX_KEYSTORE_BYTES) {
                throw new KeystoreException("keystore " + file + " has " + size + " bytes, more than a keystore's "
                        + MAX_KEYSTORE_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeystoreException("keystore " + file + " cannot be read: " + e.getMessage());
        }
        KeyStore keys;
        try {
            keys = KeyStore.getInstance(settings.type());
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("keystore " + file + ": type '" + settings.type()
                    + "' is not supported (PKCS12 or JKS)");
        }
        try {
            keys.load(new ByteArrayInputStream(bytes), settings.password().toCharArray());
            return keys;
        } catch (IOException e) {
            String why = e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong password (tlsKeystorePassword)" : "not a " + settings.type() + " keystore or wrong password ("
                    + e.getMessage() + ")";
            throw new KeystoreException("keystore " + file + ": " + why);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("keystore " + file + ": " + e.getMessage());
        }
    }

    /** @return a keystore holding only the configured key entry (or the first one) */
    private static KeyStore onlyTheKey(KeyStore keys, Path file, TlsSettings settings)
            throws GeneralSecurityException, KeystoreException {
        String alias = settings.alias();
        if (alias.isEmpty()) {
            alias = Collections.list(keys.aliases()).stream().filter(name -> isKey(keys, name)).findFirst()
                    .orElseThrow(() -> new KeystoreException("keystore " + file + " holds no private key"));
        } else if (!keys.containsAlias(alias) || !keys.isKeyEntry(alias)) {
            throw new KeystoreException("keystore " + file + " has no key entry named '" + alias + "'");
        }
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(settings.password().toCharArray());
        KeyStore single = KeyStore.getInstance(settings.type());
        try {
            single.load(null, null);
        } catch (IOException e) {
            throw new KeystoreException("keystore " + file + ": " + e.getMessage());
        }
        single.setEntry(alias, keys.getEntry(alias, protection), protection);
        return single;
    }

    private static boolean isKey(KeyStore keys, String alias) {
        try {
            return keys.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
