package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.tributary.api.AccessDecision;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

/**
 * An access service for handler tests: everything is open except paths under {@code /private/},
 * which need user alice (password "secret", realm "Test"); it counts failed logins and connections.
 */
final class FakeAccess implements AccessService {

    static final String REALM = "Test";
    static final UserPrincipal ALICE = new UserPrincipal("alice", REALM, Set.of());

    int failedLogins;
    int openConnections;
    int maxConnections = Integer.MAX_VALUE;

    static String ha1(DigestAlgorithm algorithm, String user, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(md.digest((user + ":" + REALM + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AccessDecision check(AccessRequest request) {
        if (request.path().startsWith("/private/") && request.user().map(u -> !u.name().equals("alice")).orElse(true)) {
            return AccessDecision.challenge("private");
        }
        return AccessDecision.ALLOW;
    }

    @Override
    public Optional<UserPrincipal> authenticate(InetAddress client, String user, char[] password) {
        if ("alice".equals(user) && "secret".equals(new String(password))) {
            return Optional.of(ALICE);
        }
        failedLogins++;
        return Optional.empty();
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
        return "alice".equals(user) && REALM.equals(realm) ? Optional.of(ha1(algorithm, user, "secret")) : Optional.empty();
    }

    @Override
    public Optional<UserPrincipal> digestLogin(InetAddress client, String user) {
        return "alice".equals(user) ? Optional.of(ALICE) : Optional.empty();
    }

    @Override
    public void loginFailed(InetAddress client, String user) {
        failedLogins++;
    }

    @Override
    public boolean blocked(InetAddress client) {
        return false;
    }

    @Override
    public String challengeRealm() {
        return REALM;
    }

    @Override
    public boolean connectionOpened(InetAddress client) {
        if (openConnections >= maxConnections) {
            return false;
        }
        openConnections++;
        return true;
    }

    @Override
    public void connectionClosed(InetAddress client) {
        openConnections--;
    }
}
