package org.tributary.mp3.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.tributary.api.AccessDecision;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

/** An access service that counts failed logins and blocks every address after {@code limit} of them. */
final class FakeAccess implements AccessService {

    final AtomicInteger failures = new AtomicInteger();
    private final int limit;

    FakeAccess(int limit) {
        this.limit = limit;
    }

    @Override
    public void loginFailed(InetAddress client, String user) {
        failures.incrementAndGet();
    }

    @Override
    public boolean blocked(InetAddress client) {
        return failures.get() >= limit;
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
