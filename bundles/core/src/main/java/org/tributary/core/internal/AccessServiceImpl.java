package org.tributary.core.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessPolicy;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;
import org.tributary.security.RefusalLog;

/**
 * Combines the configured path rules, every {@link AccessPolicy} and every {@link AuthRealm}.
 * The most severe decision wins; a required policy that is missing denies everything, and a
 * missing realm simply knows no users, so losing a component never opens access.
 */
@Component(service = AccessService.class, configurationPid = "org.tributary.access",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AccessConfig.class)
public class AccessServiceImpl implements AccessService {

    private static final Logger LOG = LoggerFactory.getLogger(AccessServiceImpl.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final List<AuthRealm> realms = new CopyOnWriteArrayList<>();
    private final Map<AccessPolicy, String> policies = new ConcurrentHashMap<>();
    private final ConnectionCounter connections = new ConnectionCounter();
    private volatile Settings settings;

    /** The parsed configuration, replaced whole on a change. */
    private record Settings(PathRules rules, String realm, Set<String> required, LoginThrottle throttle,
                            int maxConnections, String error) {
    }

    /** Creates the service with the defaults (unit tests; OSGi calls {@link #activate}). */
    public AccessServiceImpl() {
        open(new String[] {"/ WRITE group broadcaster"}, "Streaming Server", new String[0], 10, 60, 120, 0);
    }

    @Activate
    @Modified
    void activate(AccessConfig config) {
        open(config.rules(), config.challengeRealm(), config.requiredPolicies(), config.maxFailedLogins(),
                config.failureWindowSeconds(), config.blockSeconds(), config.maxConnectionsPerAddress());
    }

    /** Applies a configuration; invalid rules deny everything until fixed. */
    void open(String[] rules, String realm, String[] required, int maxFailures, int windowSeconds, int blockSeconds,
              int maxConnections) {
        PathRules parsed;
        String error = null;
        try {
            parsed = PathRules.parse(rules);
        } catch (IllegalArgumentException e) {
            LOG.error("Invalid access configuration, denying every request until it is fixed: {}", e.getMessage());
            parsed = PathRules.parse(new String[0]);
            error = e.getMessage();
        }
        Set<String> requiredNames = Arrays.stream(required == null ? new String[0] : required)
                .flatMap(s -> Arrays.stream(s.split("[,;\\s]+"))).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        LoginThrottle throttle = new LoginThrottle(System::currentTimeMillis, maxFailures, windowSeconds * 1000L,
                blockSeconds * 1000L);
        settings = new Settings(parsed, realm, requiredNames, throttle, maxConnections, error);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(AuthRealm realm) {
        realms.add(realm);
    }

    void removeRealm(AuthRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(AccessPolicy policy, Map<String, Object> properties) {
        policies.put(policy, String.valueOf(properties.getOrDefault(AccessPolicy.NAME, policy.getClass().getName())));
    }

    void removePolicy(AccessPolicy policy) {
        policies.remove(policy);
    }

    @Override
    public AccessDecision check(AccessRequest request) {
        Settings s = settings;
        if (s.error() != null) {
            return AccessDecision.deny("invalid access configuration: " + s.error());
        }
        if (s.throttle().blocked(request.client())) {
            return AccessDecision.deny(request.client().getHostAddress() + " is blocked after failed logins");
        }
        for (String name : s.required()) {
            if (!policies.containsValue(name)) {
                return AccessDecision.deny("required access policy '" + name + "' is not running");
            }
        }
        AccessDecision decision = s.rules().decide(request);
        for (AccessPolicy policy : policies.keySet()) {
            decision = decision.and(safely(policy, request));
        }
        return decision;
    }

    private AccessDecision safely(AccessPolicy policy, AccessRequest request) {
        try {
            return policy.decide(request);
        } catch (RuntimeException e) {
            REFUSALS.warn(request.client(), "Access policy {} failed; denying", policies.get(policy), e);
            return AccessDecision.deny("access policy " + policies.get(policy) + " failed");
        }
    }

    @Override
    public Optional<UserPrincipal> authenticate(InetAddress client, String user, char[] password) {
        if (blocked(client)) {
            return Optional.empty();
        }
        for (AuthRealm realm : realms) {
            Optional<UserPrincipal> principal = realm.authenticate(user, password);
            if (principal.isPresent()) {
                return principal;
            }
        }
        loginFailed(client, user);
        return Optional.empty();
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
        for (AuthRealm r : realms) {
            Optional<String> ha1 = r.digestHa1(user, realm, algorithm);
            if (ha1.isPresent()) {
                return ha1;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<UserPrincipal> digestLogin(InetAddress client, String user) {
        if (blocked(client)) {
            return Optional.empty();
        }
        for (AuthRealm realm : realms) {
            Optional<UserPrincipal> principal = realm.lookup(user);
            if (principal.isPresent()) {
                return principal;
            }
        }
        return Optional.empty();
    }

    @Override
    public void loginFailed(InetAddress client, String user) {
        boolean nowBlocked = settings.throttle().failed(client);
        String name = user == null ? "" : user.replaceAll("\\p{Cntrl}", "?");
        if (nowBlocked) {
            REFUSALS.warn(client, "Failed login for '{}' from {}: too many failures, address blocked", name,
                    client.getHostAddress());
        } else {
            REFUSALS.info(client, "Failed login for '{}' from {}", name, client.getHostAddress());
        }
    }

    @Override
    public boolean blocked(InetAddress client) {
        return settings.throttle().blocked(client);
    }

    @Override
    public String challengeRealm() {
        return settings.realm();
    }

    @Override
    public boolean connectionOpened(InetAddress client) {
        int max = settings.maxConnections();
        if (!connections.tryOpen(client, max)) {
            REFUSALS.warn(client, "Refusing a connection from {}: it already has {} open", client.getHostAddress(), max);
            return false;
        }
        return true;
    }

    @Override
    public void connectionClosed(InetAddress client) {
        connections.close(client);
    }
}
