package org.tributary.source.file.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaSource;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.MovieIndex;
import org.tributary.source.file.internal.mp4.Mp4Presentation;

/**
 * Serves the movies (MP4, MOV, 3GP…) and MP3 files of the media folder under the mount {@code /}. Nothing is scanned at start:
 * each request resolves its file then, so a movie copied into the folder plays without a restart.
 * Parsed movie indexes are cached by file version.
 */
@Component(service = MediaSource.class, configurationPid = "org.tributary.source.file",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = MediaSource.MOUNT + "=/")
@Designate(ocd = FileSourceConfig.class)
public class FileMediaSource implements MediaSource {

    /** Default number of movie indexes kept. */
    static final int DEFAULT_INDEX_CACHE_SIZE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(FileMediaSource.class);

    private final ChannelOpener opener;
    private volatile MediaFolder folder;
    private volatile MovieIndexCache cache;
    private final AtomicBoolean folderUnreadable = new AtomicBoolean();

    /** Creates a source on the default folder, until a configuration says otherwise. */
    public FileMediaSource() {
        this(ChannelOpener.READ_ONLY);
    }

    FileMediaSource(ChannelOpener opener) {
        this.opener = opener;
        open("", DEFAULT_INDEX_CACHE_SIZE);
    }

    @Activate
    void activate(FileSourceConfig config) {
        open(config.mediaFolder(), config.indexCacheSize());
    }

    @Modified
    void modified(FileSourceConfig config) {
        open(config.mediaFolder(), config.indexCacheSize());
    }

    @Deactivate
    void deactivate() {
        cache.clear();
    }

    /**
     * Applies the configuration; the OSGi life-cycle methods only forward here, and tests call it.
     *
     * @param mediaFolder    the folder to serve; empty means {@code ${karaf.home}/media}, or {@code ./media}
     * @param indexCacheSize number of parsed indexes kept; 0 disables the cache
     */
    public void open(String mediaFolder, int indexCacheSize) {
        MediaFolder newFolder = MediaFolder.configured(mediaFolder);
        MovieIndexCache old = cache;
        cache = new MovieIndexCache(indexCacheSize);
        folder = newFolder;
        if (old != null) {
            old.clear();
        }
        LOG.debug("Serving movies from {}", newFolder.root());
    }

    @Override
    public String description() {
        return "files in " + folder.root();
    }

    @Override
    public MediaPresentation open(String path) throws MediaException {
        MediaFolder currentFolder = folder;
        try {
            Path file = currentFolder.resolve(path);
            MovieIndex index = cache.get(file, real -> parse(real, path));
            if (folderUnreadable.compareAndSet(true, false)) {
                LOG.info("The media folder {} can be read again", currentFolder.root());
            }
            return new Mp4Presentation(path, index, opener);
        } catch (MediaException e) {
            // the protocol server that asked logs the refusal once, with its answer; only the folder is added here
            LOG.debug("Cannot play {} from {}: {}", MediaFolder.printable(path), currentFolder.root(), e.getMessage());
            warnIfFolderUnreadable(currentFolder.root());
            throw e;
        }
    }

    /** @return true while the folder is reported unreadable (logged once, until a movie of it plays again) */
    boolean folderReportedUnreadable() {
        return folderUnreadable.get();
    }

    /**
     * Every request of a folder that cannot be searched is refused as not found; the operator learns why from
     * one WARN line naming the folder (until it can be read again), not from each client's 404.
     */
    private void warnIfFolderUnreadable(Path root) {
        if (!(Files.isDirectory(root) && Files.isExecutable(root)) && folderUnreadable.compareAndSet(false, true)) {
            LOG.warn("The media folder {} cannot be read (missing, or its permissions refuse this server's user): "
                    + "every movie is answered 404 until it can", root);
        }
    }

    private MovieIndex parse(Path file, String path) throws MediaException {
        return MovieProbe.index(opener, file, path, MediaFolder.isMp3(file));
    }
}
