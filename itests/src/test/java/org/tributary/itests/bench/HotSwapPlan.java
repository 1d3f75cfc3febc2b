package org.tributary.itests.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of the hot-swap benchmark and, for each, which load groups depend on what it touches. The
 * dependencies follow the services: {@code tributary-rtsp} owns the ports every group uses; {@code core}
 * holds the registries the RTSP server and the MP3 handler need; the file and live sources serve their
 * viewers, the relay living in the live source; {@code api}, {@code security} and {@code rtp} are
 * libraries without components, so stopping them leaves every session alone (their importers keep the
 * classes), as do the realms, the shell and the web console; refreshing one after an update restarts every
 * bundle.
 */
final class HotSwapPlan {

    static final String FILES_UDP = "files/UDP";
    static final String FILES_TCP = "files/TCP";
    static final String LIVE = "live";
    static final String RELAY = "relay";
    static final String MP3 = "MP3";

    private static final Set<String> ALL = Set.of(FILES_UDP, FILES_TCP, LIVE, RELAY, MP3);
    private static final Set<String> FILES = Set.of(FILES_UDP, FILES_TCP);
    private static final Set<String> LIVE_AND_RELAY = Set.of(LIVE, RELAY);

    /** The bundles that export packages and have no component; every other Tributary bundle imports them. */
    static final Set<String> LIBRARIES = Set.of("tributary-api", "tributary-security", "tributary-rtp");

    /** Each Tributary bundle and the groups it serves, in the order of bundle:list. */
    static final Map<String, Set<String>> BUNDLES = bundles();

    /**
     * Each optional feature (all but tributary-core) and the groups it serves. tributary-mp3 requires
     * tributary-rtsp: uninstalling the latter alone may leave its bundles in place.
     */
    static final Map<String, Set<String>> FEATURES = features();

    private HotSwapPlan() {
    }

    /**
     * Returns every step: bundle:update, then bundle:stop + start, of each bundle; feature:uninstall +
     * install of each optional feature; one harmless change to each configuration (a key the load does not
     * depend on, or an unknown one where every key matters), {@code relayPid} being the relay's factory
     * configuration.
     */
    static List<HotSwapStep> steps(String relayPid) {
        List<HotSwapStep> steps = new ArrayList<>();
        // refreshing an updated library restarts every bundle that imports it: all of them
        BUNDLES.forEach((bundle, touched) -> steps.add(HotSwapStep.update(bundle,
                LIBRARIES.contains(bundle) ? ALL : touched)));
        BUNDLES.forEach((bundle, touched) -> steps.add(HotSwapStep.restart(bundle, touched)));
        FEATURES.forEach((feature, touched) -> steps.add(HotSwapStep.reinstall(feature, touched)));
        steps.add(HotSwapStep.configure("org.tributary.rtsp", "requestTimeout", "16", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.access", "failureWindowSeconds", "61", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.auth.file", "hotswapMarker", "1", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.auth.ip", "rules", "/ deny 192.0.2.0/24", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.auth.jaas", "name", "karaf-hotswap", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.auth.qtaccess", "fileName", "qtaccess-hotswap", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.mp3", "refusalDelayMillis", "900", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.source.file", "indexCacheSize", "65", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.source.live", "maxSdpBytes", "16385", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.source.sdp", "idleSeconds", "31", Set.of()));
        steps.add(HotSwapStep.configure("org.tributary.webconsole", "hotswapMarker", "1", Set.of()));
        // the relay has no @Modified: a new configuration is a new relay, whose viewers end and come back
        steps.add(HotSwapStep.configure(relayPid, "connectSeconds", "6", Set.of(RELAY)));
        return steps;
    }

    private static Map<String, Set<String>> bundles() {
        Map<String, Set<String>> bundles = new LinkedHashMap<>();
        bundles.put("tributary-api", Set.of());
        bundles.put("tributary-security", Set.of());
        bundles.put("tributary-core", ALL);
        bundles.put("tributary-rtp", Set.of());
        bundles.put("tributary-rtsp", ALL);
        bundles.put("tributary-source-file", FILES);
        bundles.put("tributary-source-live", LIVE_AND_RELAY);
        bundles.put("tributary-auth", Set.of());
        bundles.put("tributary-mp3", Set.of(MP3));
        bundles.put("tributary-shell", Set.of());
        bundles.put("tributary-webconsole", Set.of());
        return bundles;
    }

    /** The optional features are named after their one Tributary bundle. */
    private static Map<String, Set<String>> features() {
        Map<String, Set<String>> features = new LinkedHashMap<>(BUNDLES);
        features.keySet().retainAll(Set.of("tributary-rtsp", "tributary-source-file", "tributary-source-live",
                "tributary-auth", "tributary-mp3", "tributary-shell", "tributary-webconsole"));
        return features;
    }
}
