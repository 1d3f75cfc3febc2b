package org.tributary.webconsole.internal.admin;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@link ShippedAdminLoginModule} to Karaf's {@code karaf} realm, the one SSH and JMX log in with: Karaf
 * uses the realm of a name with the highest rank, so this registers a realm of the same name, one rank above
 * the highest other one, holding that realm's own modules unchanged and in order, then this module,
 * requisite. Karaf's modules are all optional, so every one of them runs and this one has the last word: its
 * failure fails the login, and otherwise it takes no part. The realm's first module stays Karaf's users file,
 * which {@code jaas:realm-manage --realm karaf} edits. When that realm changes or goes, this one follows; when
 * this bundle stops, Karaf's realm is used again as shipped.
 */
@Component(immediate = true)
public final class AdminRealm {

    /** Karaf's realm of its consoles (SSH, JMX, web console). */
    static final String REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(AdminRealm.class);

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private BundleContext context;
    private ServiceRegistration<JaasRealm> registration;
    private Guarded guarded;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        update();
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeRealm")
    void addRealm(JaasRealm realm) {
        realms.add(realm);
        update();
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
        update();
    }

    /** Registers (again) the guarded realm in front of the highest other realm named karaf, if any. */
    private synchronized void update() {
        if (context == null) {
            return;
        }
        JaasRealm highest = null;
        for (JaasRealm realm : realms) {
            if (!(realm instanceof Guarded) && REALM.equals(realm.getName())
                    && (highest == null || realm.getRank() > highest.getRank())) {
                highest = realm;
            }
        }
        if (guarded != null && guarded.inner == highest) {
            return;
        }
        unregister();
        if (highest == null) {
            return;
        }
        guarded = new Guarded(highest, context.getBundle().getBundleId());
        Dictionary<String, Object> properties = new Hashtable<>(Map.of("org.apache.karaf.jaas.realm.name", REALM));
        registration = context.registerService(JaasRealm.class, guarded, properties);
        LOG.info("Realm {}: the shipped administrator is refused from non-loopback SSH and JMX clients while its "
                + "password is unchanged", REALM);
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
            guarded = null;
        }
    }

    /** The realm of the same name and one rank higher: the inner realm's modules, then this bundle's. */
    static final class Guarded implements JaasRealm {

        final JaasRealm inner;
        private final long bundleId;

        Guarded(JaasRealm inner, long bundleId) {
            this.inner = inner;
            this.bundleId = bundleId;
        }

        @Override
        public String getName() {
            return inner.getName();
        }

        @Override
        public int getRank() {
            return inner.getRank() + 1;
        }

        @Override
        public AppConfigurationEntry[] getEntries() {
            List<AppConfigurationEntry> entries = new ArrayList<>(List.of(inner.getEntries()));
            entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE,
                    Map.of(ProxyLoginModule.PROPERTY_MODULE, ShippedAdminLoginModule.class.getName(),
                            ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId))));
            return entries.toArray(AppConfigurationEntry[]::new);
        }
    }
}
