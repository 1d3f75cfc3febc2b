package org.tributary.mp3.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaSource;

/**
 * Every MP3 station is also an RTSP path while a live source is there (the {@code tributary-source-live}
 * feature): the paths appear when that source does and go when it goes, while the MP3 broadcast over HTTP goes
 * on either way. Its setting, {@code rtspPrefix}, is in the MP3 broadcast's configuration; a changed prefix (or
 * live mount) moves every station to its new path, ending its RTSP listeners.
 */
@Component(service = {}, immediate = true, configurationPid = Mp3Broadcast.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class RtspStationsComponent {

    /** The live source that takes announced broadcasts: not the SDP-file feeds, which have a suffix. */
    static final String ANNOUNCED = "(!(" + MediaSource.SUFFIX + "=*))";

    private static final Logger LOG = LoggerFactory.getLogger(RtspStationsComponent.class);

    private final OnAir onAir;
    private final BundleContext context;
    private String prefix;
    private LiveSource live;
    private Object liveMount;
    private RtspStations stations;
    private Runnable unwatch;

    /** @throws IllegalArgumentException naming the prefix when it is not a path */
    @Activate
    public RtspStationsComponent(@Reference OnAir onAir, BundleContext context, Mp3Config config) {
        this.onAir = onAir;
        this.context = context;
        this.prefix = config.rtspPrefix();
        // checks the prefix once, so a bad one fails here, named
        RtspPaths.of(prefix, "/");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = ANNOUNCED)
    synchronized void bindLive(LiveSource source, Map<String, Object> properties) {
        stop();
        live = source;
        liveMount = properties.get(MediaSource.MOUNT);
        start();
    }

    /** A changed live mount moves the stations' live paths. */
    synchronized void updatedLive(LiveSource source, Map<String, Object> properties) {
        if (source == live && !String.valueOf(properties.get(MediaSource.MOUNT)).equals(String.valueOf(liveMount))) {
            bindLive(source, properties);
        }
    }

    synchronized void unbindLive(LiveSource source) {
        if (source == live) {
            stop();
            live = null;
        }
    }

    @Modified
    synchronized void modified(Mp3Config config) {
        RtspPaths.of(config.rtspPrefix(), "/");
        if (!Objects.equals(config.rtspPrefix(), prefix)) {
            LOG.info("MP3 stations move to RTSP prefix '{}'", config.rtspPrefix());
            prefix = config.rtspPrefix();
            stop();
            start();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
        live = null;
    }

    private void start() {
        if (live != null) {
            stations = new RtspStations(live, this::mount, RtspPaths.of(prefix, liveMount), System::nanoTime);
            unwatch = onAir.watch(stations::onAir);
        }
    }

    private void stop() {
        if (stations != null) {
            unwatch.run();
            stations.close();
            stations = null;
        }
    }

    /** Registers a station's own mount, unless a media source (without a suffix) has that mount already. */
    private Runnable mount(String path, MediaSource source) {
        String filter = "(&" + ANNOUNCED + "(|(" + MediaSource.MOUNT + "=" + path + ")(" + MediaSource.MOUNT + "="
                + path + "/)))";
        try {
            if (!context.getServiceReferences(MediaSource.class, filter).isEmpty()) {
                return null;
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("mount path " + path + " cannot be looked up", e);
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MediaSource.MOUNT, path + "/");
        ServiceRegistration<MediaSource> registration = context.registerService(MediaSource.class, source, properties);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first, which unregistered it
            }
        };
    }
}
