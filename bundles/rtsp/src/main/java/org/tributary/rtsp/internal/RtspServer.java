package org.tributary.rtsp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.netty.channel.EventLoopGroup;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessService;
import org.tributary.api.Endpoint;
import org.tributary.api.MountRegistry;
import org.tributary.api.ProtocolServer;
import org.tributary.api.ServerStats;
import org.tributary.api.SessionRegistry;
import org.tributary.api.http.HttpHandler;
import org.tributary.rtp.UdpPortPool;
import org.tributary.rtsp.internal.auth.DigestAuthenticator;
import org.tributary.rtsp.internal.auth.DigestOptions;
import org.tributary.rtsp.internal.http.HttpHandlers;
import org.tributary.security.HeapGuard;

/**
 * The RTSP server: listens on the configured ports of every configured address (and, with a keystore,
 * on the RTSPS ports), answers RTSP requests and streams the presentations the {@link MountRegistry}
 * resolves. A configuration change rebinds only the listeners that changed; sessions keep playing. A
 * configuration that is refused (a bad port, an unknown scheme, an address or keystore that cannot be
 * used) is one WARN line and its {@link #configError()}; the last good settings stay in force.
 * {@link #serve(boolean) serve(false)} closes the ports and ends every session and connection until
 * {@code serve(true)}; a configuration change while stopped is kept for then.
 * Its RTSPS endpoints are a second {@link ProtocolServer} service, so {@code stream:status} lists them
 * under their own protocol. HTTP requests on its ports that are not RTSP tunnels go to the
 * {@link HttpHandler} services, which may come and go while it serves.
 */
// immediate: the server listens whether or not anything (the shell) uses its ProtocolServer service
@Component(service = ProtocolServer.class, configurationPid = "org.tributary.rtsp", immediate = true,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RtspServerConfig.class)
public class RtspServer implements ProtocolServer {

    private static final Logger LOG = LoggerFactory.getLogger(RtspServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final RtspSessions sessions;
    private final Listeners listeners;
    private final ServerContext context;
    private final RtspChannelInitializer initializer;
    private final TlsChannelInitializer tlsInitializer;
    private final ServiceRegistration<ProtocolServer> rtsps;
    private final AccessService access;
    /** Filled by the dynamic reference below, which SCR binds after the constructor. */
    private final HttpHandlers httpHandlers = new HttpHandlers();
    private final HeapGuard heap;
    private ServerSettings settings;
    private TlsSettings tls;
    private DigestAuthenticator digest;
    private volatile boolean serving = true;
    private volatile String configError = "";

    /** Starts the server with the configured settings. */
    @Activate
    public RtspServer(@Reference MountRegistry mounts, @Reference SessionRegistry registry,
                      @Reference AccessService access, RtspServerConfig config, Map<String, Object> properties,
                      BundleContext bundle) {
        RtspConfiguration checked;
        try {
            checked = RtspConfiguration.of(config, properties);
        } catch (RtspConfiguration.Refused e) {
            // at start there is no last good configuration: only the refused settings take their defaults
            RtspConfiguration.Lenient lenient = RtspConfiguration.lenient(config, properties);
            checked = lenient.configuration();
            configError = String.join("; ", lenient.refusals());
            LOG.warn("RTSP configuration refused in part, {} at their defaults and the rest as configured: {}",
                    new TreeSet<>(lenient.defaulted()), configError);
        }
        settings = checked.settings();
        tls = checked.tls();
        this.access = access;
        digest = newDigest(settings);
        boss = NettyTransport.group(1, "tributary-rtsp-accept");
        workers = NettyTransport.group(Runtime.getRuntime().availableProcessors(), "tributary-rtsp");
        sessions = new RtspSessions(registry, workers.next(), settings.sessionTimeout());
        sessions.admission().limits(settings.maxConnections(), settings.maxThroughput());
        heap = HeapGuard.start(settings.heapLimitPercent());
        sessions.admission().heap(heap);
        sessions.shares().limits(settings.maxSessionsPerConnection(), settings.maxSessionsPerAddress());
        context = new ServerContext(mounts, access, new RtspAuthorizer(access, digest, settings.authScheme()), sessions,
                new UdpPortPool(settings.rtpPortMin(), settings.rtpPortMax()), ListenAddresses.ALL,
                PresentationOpener.pooled());
        context.udpShared(settings.udpSocketsShared());
        initializer = new RtspChannelInitializer(context, settings.tunnelTimeout(), httpHandlers);
        initializer.timeouts(settings.timeouts());
        initializer.tunnelling(settings.httpTunnel(), settings.tunnelTimeout());
        tlsInitializer = new TlsChannelInitializer(initializer);
        listeners = new Listeners(boss, workers, initializer, tlsInitializer);
        LOG.info("RTSP server starting with the {} transport", NettyTransport.name());
        listen();
        // ranked below the RTSP service, so whoever asks for one ProtocolServer still gets plain RTSP
        rtsps = bundle.registerService(ProtocolServer.class, new RtspsEndpoints(),
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, -1)));
    }

    /** A handler for HTTP requests on the streaming ports, below the prefixes of its service properties. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeHttpHandler", updated = "updatedHttpHandler")
    void addHttpHandler(HttpHandler handler, Map<String, Object> properties) {
        httpHandlers.add(handler, properties);
    }

    void updatedHttpHandler(HttpHandler handler, Map<String, Object> properties) {
        httpHandlers.add(handler, properties);
    }

    void removeHttpHandler(HttpHandler handler) {
        httpHandlers.remove(handler);
    }

    /** Where refusals are counted, when the core bundle offers it; bound after the constructor. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetStats")
    void setStats(ServerStats stats) {
        context.refusals().stats(stats);
    }

    void unsetStats(ServerStats stats) {
        context.refusals().unset(stats);
    }

    /** Applies changed settings without dropping sessions. */
    @Modified
    synchronized void modified(RtspServerConfig config, Map<String, Object> properties) {
        RtspConfiguration checked;
        try {
            checked = RtspConfiguration.of(config, properties);
        } catch (RtspConfiguration.Refused e) {
            refused(e, "the last good one stays in force");
            return;
        }
        configError = "";
        ServerSettings next = checked.settings();
        sessions.timeout(next.sessionTimeout());
        sessions.admission().limits(next.maxConnections(), next.maxThroughput());
        heap.limitPercent(next.heapLimitPercent());
        sessions.shares().limits(next.maxSessionsPerConnection(), next.maxSessionsPerAddress());
        initializer.timeouts(next.timeouts());
        if (next.rtpPortMin() != settings.rtpPortMin() || next.rtpPortMax() != settings.rtpPortMax()) {
            // running sessions give their ports back to the pool they came from
            context.ports(new UdpPortPool(next.rtpPortMin(), next.rtpPortMax()));
        }
        context.udpShared(next.udpSocketsShared());
        if (next.nonceLifetime() != settings.nonceLifetime()) {
            // nonces already handed out stay valid only with the authenticator (and secret) that issued them
            digest = newDigest(next);
        }
        context.authorizer(new RtspAuthorizer(access, digest, next.authScheme()));
        initializer.tunnelling(next.httpTunnel(), next.tunnelTimeout());
        settings = next;
        tls = checked.tls();
        listen();
        LOG.info("RTSP settings applied: ports {} on {}, session timeout {} s, RTP ports {}-{} ({}), {} authentication, "
                + "maxConnections {}, maxThroughput {} kbit/s, sessions per connection {} and per address {}, "
                + "request/idle/drain timeouts {}/{}/{} s", next.ports(), next.bindAddress(), next.sessionTimeout(),
                next.rtpPortMin(), next.rtpPortMax(), next.udpSocketsShared() ? "shared" : "per track",
                next.authScheme(), next.maxConnections(), next.maxThroughput(),
                next.maxSessionsPerConnection(), next.maxSessionsPerAddress(), next.timeouts().request().toSeconds(),
                next.timeouts().idle().toSeconds(), next.timeouts().drain().toSeconds());
    }

    /**
     * Binds every port on every address; with a keystore configured, loads it (again: a replaced file
     * is read on every configuration change) and binds the RTSPS ports too. A keystore that cannot be
     * used is one ERROR line, and the plain ports serve on.
     */
    private void listen() {
        List<String> addresses = ListenAddresses.parse(settings.bindAddress());
        List<ListenerKey> wanted = new ArrayList<>(ListenerKey.every(addresses, settings.ports(), false));
        if (tls.enabled()) {
            wanted.addAll(ListenerKey.every(addresses, tls.ports(), true));
        }
        if (!serving) {
            listeners.stopped(wanted);
            return;
        }
        String tlsProblem = null;
        if (tls.enabled()) {
            try {
                tlsInitializer.context(KeystoreTls.load(tls, KeystoreTls.etcFolder()));
            } catch (KeystoreTls.KeystoreException e) {
                tlsProblem = e.getMessage();
                LOG.error("RTSPS cannot start: {}; the RTSP ports keep serving", tlsProblem);
            }
        } else {
            LOG.info("RTSPS is off: no tlsKeystore configured (or no tlsPorts)");
        }
        List<String> problems = new ArrayList<>(listeners.apply(wanted, tlsProblem));
        if (tlsProblem != null) {
            problems.add("RTSPS: " + tlsProblem);
        }
        if (!problems.isEmpty()) {
            configError = String.join("; ", problems);
        }
    }

    /** One WARN line naming the refused setting, no stack trace; the console and shell show it. */
    private void refused(RtspConfiguration.Refused e, String consequence) {
        configError = e.getMessage();
        LOG.warn("RTSP configuration refused, {}: {}", consequence, e.getMessage());
    }

    @Override
    public boolean serving() {
        return serving;
    }

    /**
     * Stopping closes the listening sockets first (nobody new gets in), then ends every session (players
     * get their RTCP BYE) and closes every connection, MP3 listeners and tunnels included; starting binds
     * the configured endpoints again.
     */
    @Override
    public synchronized void serve(boolean on) {
        if (on == serving) {
            return;
        }
        serving = on;
        listen();
        if (on) {
            LOG.info("RTSP service started");
        } else {
            int open = sessions.size();
            sessions.endAll();
            initializer.closeConnections();
            LOG.info("RTSP service stopped: ports closed, {} sessions ended", open);
        }
    }

    @Override
    public String configError() {
        return configError;
    }

    private static DigestAuthenticator newDigest(ServerSettings settings) {
        DigestOptions defaults = DigestOptions.defaults();
        return new DigestAuthenticator(new DigestOptions(defaults.algorithms(),
                Duration.ofSeconds(settings.nonceLifetime()), defaults.acceptWithoutQop(), defaults.replayCacheSize()));
    }

    /** Ends every session cleanly, then closes the sockets. */
    @Deactivate
    void stop() {
        rtsps.unregister();
        sessions.closeAll();
        listeners.shutdown();
        // the connections HTTP handlers serve (MP3 listeners and sources) too, while the loops still run
        initializer.closeConnectionsNow(java.time.Duration.ofSeconds(2));
        context.opener().close();
        heap.close();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        LOG.info("RTSP server stopped");
    }

    @Override
    public String protocol() {
        return "RTSP";
    }

    @Override
    public List<Endpoint> endpoints() {
        return listeners.endpoints(false);
    }

    /** The RTSPS listeners, registered as a protocol server of their own. */
    private final class RtspsEndpoints implements ProtocolServer {

        @Override
        public String protocol() {
            return "RTSPS";
        }

        @Override
        public List<Endpoint> endpoints() {
            return listeners.endpoints(true);
        }

        @Override
        public boolean serving() {
            return RtspServer.this.serving();
        }

        /** RTSP and RTSPS are one service: both stop and start together. */
        @Override
        public void serve(boolean on) {
            RtspServer.this.serve(on);
        }

        @Override
        public String configError() {
            return RtspServer.this.configError();
        }
    }
}
