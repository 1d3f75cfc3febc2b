package org.tributary.webconsole.internal.http;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

import org.tributary.api.AccessDecision;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

/** An access service that only counts failed logins per address and blocks an address at {@link #LIMIT}. */
final class FailureCounter implements AccessService {

    static final int LIMIT = 3;

    private final Map<String, Integer> failures;

    FailureCounter(Map<String, Integer> failures) {
        this.failures = failures;
    }

    @Override
    public void loginFailed(InetAddress client, String user) {
        failures.merge(client.getHostAddress(), 1, Integer::sum);
    }

    @Override
    public boolean blocked(InetAddress client) {
        return failures.getOrDefault(client.getHostAddress(), 0) >= LIMIT;
    }

    @Override
    public AccessDecision check(AccessRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<UserPrincipal> authenticate(InetAddress client, String user, char[] password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<UserPrincipal> digestLogin(InetAddress client, String user) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String challengeRealm() {
        return "test";
    }

    @Override
    public boolean connectionOpened(InetAddress client) {
        return true;
    }

    @Override
    public void connectionClosed(InetAddress client) {
    }
}
