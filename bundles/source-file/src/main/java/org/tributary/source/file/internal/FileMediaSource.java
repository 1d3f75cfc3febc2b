package org.tributary.source.file.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaSource;
import org.tributary.security.RefusalLog;
import org.tributary.source.file.internal.mp3.Mp3IndexParser;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.MovieIndex;
import org.tributary.source.file.internal.mp4.MovieIndexParser;
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
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    private final ChannelOpener opener;
    private volatile MediaFolder folder;
    private volatile MovieIndexCache cache;

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
        MediaFolder newFolder = new MediaFolder(folderPath(mediaFolder));
        MovieIndexCache old = cache;
        cache = new MovieIndexCache(indexCacheSize);
        folder = newFolder;
        if (old != null) {
            old.clear();
        }
        LOG.debug("Serving movies from {}", newFolder.root());
    }

    private static Path folderPath(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String karafHome = System.getProperty("karaf.home");
        return karafHome == null || karafHome.isBlank() ? Paths.get("media") : Paths.get(karafHome, "media");
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
            return new Mp4Presentation(path, index, opener);
        } catch (MediaException e) {
            if (e.reason() == Reason.CORRUPT || e.reason() == Reason.UNSUPPORTED) {
                // counted per file: only existing files get this far, and each request for one would log again
                REFUSALS.warn(path, "Cannot play {} from {}: {}", MediaFolder.printable(path), currentFolder.root(),
                        e.getMessage());
            }
            throw e;
        }
    }

    private MovieIndex parse(Path file, String path) throws MediaException {
        try (FileChannel channel = opener.open(file)) {
            String name = MediaFolder.printable(path);
            return MediaFolder.isMp3(file) ? Mp3IndexParser.parse(file, channel, name)
                    : MovieIndexParser.parse(file, channel, name);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, MediaFolder.printable(path) + " cannot be read: " + e, e);
        }
    }
}
