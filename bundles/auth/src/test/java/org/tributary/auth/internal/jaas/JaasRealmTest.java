package org.tributary.auth.internal.jaas;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

/** The JAAS realm against a JAAS configuration installed for the test. */
public class JaasRealmTest {

    private Configuration previous;
    private final JaasRealm realm = new JaasRealm();

    @Before
    public void installConfiguration() {
        try {
            previous = Configuration.getConfiguration();
        } catch (SecurityException e) {
            previous = null;
        }
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                switch (name) {
                    case "test":
                        return entry(Map.of("user", "alice", "password", "secret"));
                    case "exploding":
                        return entry(Map.of("explode", "true"));
                    default:
                        return null;
                }
            }
        });
        TestLoginModule.CALLBACKS.clear();
        realm.open("test", "karaf-users");
    }

    private static AppConfigurationEntry[] entry(Map<String, ?> options) {
        return new AppConfigurationEntry[] {new AppConfigurationEntry(TestLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, options)};
    }

    @After
    public void restoreConfiguration() {
        Configuration.setConfiguration(previous);
    }

    @Test
    public void groupAndRolePrincipalsBecomeGroups() {
        Set<String> groups = Set.of("admingroup", "broadcaster", "viewer");
        assertEquals(Optional.of(new UserPrincipal("alice", "karaf-users", groups)),
                realm.authenticate("alice", "secret".toCharArray()));
        assertEquals("karaf-users", realm.name());
    }

    @Test
    public void wrongCredentialsUnknownRealmsAndFailingModulesGiveNothing() {
        assertEquals(Optional.empty(), realm.authenticate("alice", "wrong".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate("bob", "secret".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate(null, "secret".toCharArray()));
        assertEquals(Optional.empty(), realm.authenticate("alice", null));
        assertEquals(Optional.empty(), realm.authenticate("x".repeat(300), "secret".toCharArray()));
        realm.open("no-such-realm", "");
        assertEquals("no-such-realm", realm.name());
        assertEquals(Optional.empty(), realm.authenticate("alice", "secret".toCharArray()));
        realm.open("exploding", "x");
        assertEquals(Optional.empty(), realm.authenticate("alice", "secret".toCharArray()));
    }

    @Test
    public void logsInWithThisBundlesClassLoaderAndRestoresTheCallers() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        // a loader that cannot see the login module, as a pool thread's may not see Karaf's
        try (URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(blind);
            assertTrue(realm.authenticate("alice", "secret".toCharArray()).isPresent());
            assertSame(blind, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    public void passwordCopiesGivenToModulesAreCleared() {
        realm.authenticate("alice", "secret".toCharArray());
        assertEquals(1, TestLoginModule.CALLBACKS.size());
        char[] left = TestLoginModule.CALLBACKS.get(0).getPassword();
        assertTrue(left == null || new String(left).isBlank()); // clearPassword() blanks the copy
    }

    @Test
    public void neverGivesDigestHashesNorLooksUsersUp() {
        assertEquals(Optional.empty(), realm.digestHa1("alice", "karaf-users", DigestAlgorithm.MD5));
        assertEquals(Optional.empty(), realm.lookup("alice"));
    }
}
