package org.tributary.itests.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a QTSS users file ({@code etc/qtusers}) the way an administrator edits it by hand: a
 * {@code realm} line, then {@code user::md5ha1:sha256ha1} per user, where HA1 is the hash of
 * {@code user:realm:password} (RFC 7616).
 */
final class QtUsers {

    /** The realm of the distribution's users file and of its 401 challenges. */
    static final String REALM = "Streaming Server";

    private QtUsers() {
    }

    /** Returns the text of a users file holding exactly the given users. */
    static String text(Login... logins) {
        StringBuilder text = new StringBuilder("realm ").append(REALM).append('\n');
        for (Login login : logins) {
            String secret = login.user() + ":" + REALM + ":" + login.password();
            text.append(login.user()).append("::").append(hex("MD5", secret)).append(':')
                    .append(hex("SHA-256", secret)).append('\n');
        }
        return text.toString();
    }

    /**
     * Replaces {@code usersFile} with one holding exactly the given users. The new text is moved
     * over the old file in one step, so the server's poller never reads half a file.
     *
     * @return true when the content changed, false when the file already held these users
     */
    static boolean write(Path usersFile, Login... logins) throws IOException {
        String text = text(logins);
        if (Files.exists(usersFile) && Files.readString(usersFile, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Path staging = Files.writeString(usersFile.resolveSibling(usersFile.getFileName() + ".new"), text,
                StandardCharsets.UTF_8);
        Files.move(staging, usersFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
