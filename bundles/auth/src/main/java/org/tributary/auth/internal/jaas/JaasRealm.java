package org.tributary.auth.internal.jaas;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;
import org.tributary.auth.internal.Names;
import org.tributary.security.RefusalLog;

/**
 * A realm backed by a Karaf JAAS realm (by default {@code karaf}: {@code etc/users.properties}),
 * or any JAAS realm configured in Karaf such as LDAP. Basic only: JAAS checks passwords but never
 * gives out the Digest HA1, so {@link #digestHa1} is always empty, and {@link #lookup} is empty
 * too because a user this realm vouches for always comes through {@link #authenticate}. Karaf's
 * group and role principals both become the user's groups.
 */
@Component(service = AuthRealm.class, configurationPid = "org.tributary.auth.jaas",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JaasRealmConfig.class)
public class JaasRealm implements AuthRealm {

    private static final Logger LOG = LoggerFactory.getLogger(JaasRealm.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    /** The JAAS realm to log in with and the name it has here. */
    private record Settings(String jaasRealm, String name) {
    }

    private volatile Settings settings = new Settings("karaf", "karaf");

    @Activate
    void activate(JaasRealmConfig config) {
        open(config.jaasRealm(), config.name());
    }

    @Modified
    void modified(JaasRealmConfig config) {
        open(config.jaasRealm(), config.name());
    }

    /**
     * Applies the configuration; the OSGi life-cycle methods forward here, and tests call it.
     *
     * @param jaasRealm the JAAS realm (login configuration entry) name; blank means {@code karaf}
     * @param name      this realm's name; blank means the JAAS realm's name
     */
    public void open(String jaasRealm, String name) {
        String realm = jaasRealm == null || jaasRealm.isBlank() ? "karaf" : jaasRealm.strip();
        settings = new Settings(realm, name == null || name.isBlank() ? realm : name.strip());
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Optional<UserPrincipal> authenticate(String user, char[] password) {
        Settings current = settings;
        if (user == null || password == null || Names.userNameProblem(user).isPresent()) {
            return Optional.empty();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Credentials credentials = new Credentials(user, password);
        try {
            // LoginContext loads the login modules through the context class loader; this bundle's
            // loader sees Karaf's ProxyLoginModule (boot delegation), a pool thread's may not
            thread.setContextClassLoader(JaasRealm.class.getClassLoader());
            Subject subject = new Subject();
            LoginContext login = new LoginContext(current.jaasRealm(), subject, credentials);
            login.login();
            Set<String> groups = groupsOf(subject);
            logout(login);
            return Optional.of(new UserPrincipal(user, current.name(), groups));
        } catch (LoginException e) {
            // failed logins are logged (and throttled) by the access service
            LOG.debug("JAAS login of '{}' in realm {} failed: {}", Names.printable(user), current.jaasRealm(),
                    e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // counted per realm: the client is not known here, and each request may name another user
            REFUSALS.warn(current.jaasRealm(), "JAAS realm {} failed while checking '{}'", current.jaasRealm(),
                    Names.printable(user), e);
            return Optional.empty();
        } finally {
            credentials.clear();
            thread.setContextClassLoader(previous);
        }
    }

    private static Set<String> groupsOf(Subject subject) {
        Set<String> groups = new TreeSet<>();
        for (Principal principal : subject.getPrincipals()) {
            if (principal instanceof GroupPrincipal || principal instanceof RolePrincipal) {
                groups.add(principal.getName());
            }
        }
        return groups;
    }

    private static void logout(LoginContext login) {
        try {
            login.logout();
        } catch (LoginException e) {
            LOG.debug("JAAS logout failed: {}", e.getMessage());
        }
    }

    /** Always empty: JAAS checks passwords but cannot give their hashes. */
    @Override
    public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
        return Optional.empty();
    }

    /**
     * Always empty: {@code lookup} follows a Digest login, which this realm cannot take part in,
     * and JAAS offers no way to read a user's groups without the password.
     */
    @Override
    public Optional<UserPrincipal> lookup(String user) {
        return Optional.empty();
    }

    /** Answers the login modules' callbacks, and clears the password copies they were given. */
    private static final class Credentials implements CallbackHandler {

        private final String user;
        private final char[] password;
        private final List<PasswordCallback> answered = new ArrayList<>();

        Credentials(String user, char[] password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback nameCallback) {
                    nameCallback.setName(user);
                } else if (callback instanceof PasswordCallback passwordCallback) {
                    passwordCallback.setPassword(password);
                    answered.add(passwordCallback);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }

        void clear() {
            answered.forEach(PasswordCallback::clearPassword);
        }
    }
}
