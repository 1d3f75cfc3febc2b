package org.tributary.webconsole.internal.admin;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.Test;

public class AdminRealmTest {

    private static final AppConfigurationEntry USERS = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
            LoginModuleControlFlag.OPTIONAL, Map.of(ProxyLoginModule.PROPERTY_MODULE, "PropertiesLoginModule"));

    private static final JaasRealm KARAF = new JaasRealm() {
        @Override
        public String getName() {
            return "karaf";
        }

        @Override
        public int getRank() {
            return 0;
        }

        @Override
        public AppConfigurationEntry[] getEntries() {
            return new AppConfigurationEntry[] {USERS};
        }
    };

    @Test
    public void theGuardedRealmOutranksKarafsKeepsItsModulesFirstAndEndsWithTheGuardRequisite() {
        AdminRealm.Guarded guarded = new AdminRealm.Guarded(KARAF, 42);
        assertEquals("karaf", guarded.getName());
        assertEquals(1, guarded.getRank());
        AppConfigurationEntry[] entries = guarded.getEntries();
        assertEquals(2, entries.length);
        assertEquals("the users file stays first, for jaas:realm-manage", USERS, entries[0]);
        assertEquals(LoginModuleControlFlag.REQUISITE, entries[1].getControlFlag());
        assertEquals(ShippedAdminLoginModule.class.getName(), entries[1].getOptions().get(ProxyLoginModule.PROPERTY_MODULE));
        assertEquals("42", entries[1].getOptions().get(ProxyLoginModule.PROPERTY_BUNDLE));
    }
}
