package org.tributary.core.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.LiveSource;
import org.tributary.api.MediaSource;
import org.tributary.api.MountRegistry;
import org.tributary.api.Publication;

/**
 * Tracks every {@link MediaSource} service by its mount point (and suffix) and resolves request paths
 * by longest prefix; a source with a {@link MediaSource#SUFFIX} takes the names ending with it from
 * sources without one at the same or a shorter mount. Sources come and go at any time (bundle
 * stop/start), so the map is live.
 */
@Component(service = MountRegistry.class)
public class MountRegistryImpl implements MountRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MountRegistryImpl.class);

    private final Map<MountKey, MediaSource> sources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MediaSource source, Map<String, Object> properties) {
        MountKey key = MountKey.of(properties);
        MediaSource previous = sources.put(key, source);
        if (previous != null && previous != source) {
            LOG.warn("Two media sources claim mount {}; the newer one ({}) serves it", key.label(),
                    source.description());
        }
        LOG.info("Mounted {} at {}", source.description(), key.label());
    }

    void removeSource(MediaSource source, Map<String, Object> properties) {
        MountKey key = MountKey.of(properties);
        if (sources.remove(key, source)) {
            LOG.info("Unmounted {}", key.label());
        }
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        Mounted mounted = resolve(path);
        return mounted.source().open(mounted.rest(path));
    }

    @Override
    public Publication publish(String path, String sdp, String publisher) throws MediaException {
        Mounted mounted = resolve(path);
        if (!(mounted.source() instanceof LiveSource live)) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, "no live source accepts broadcasts at " + path);
        }
        return live.publish(mounted.rest(path), sdp, publisher);
    }

    private record Mounted(String mount, MediaSource source) {

        /** @return the path below the mount ("" for the mount itself, even spelled without its last '/') */
        String rest(String path) {
            return path.length() > mount.length() ? path.substring(mount.length()) : "";
        }
    }

    /** Finds the source whose mount is the longest prefix of the path, preferring a matching suffix. */
    private Mounted resolve(String path) throws MediaException {
        if (path == null || !path.startsWith("/")) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, "not an absolute path: " + path);
        }
        MountKey best = null;
        for (MountKey key : sources.keySet()) {
            if (key.serves(path) && (best == null || key.beats(best))) {
                best = key;
            }
        }
        MediaSource source = best == null ? null : sources.get(best);
        if (source == null) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, "no media source is mounted at " + path);
        }
        return new Mounted(best.mount(), source);
    }

    /** @return every mount (a suffix source as {@code MOUNT*SUFFIX}, such as {@code /*.sdp}) with its source */
    @Override
    public Map<String, String> mounts() {
        Map<String, String> out = new TreeMap<>();
        sources.forEach((key, source) -> out.put(key.label(), source.description()));
        return out;
    }
}
