package org.tributary.source.file.internal;

import java.io.InputStream;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.source.file.internal.mp4.ChannelOpener;

/**
 * The media folder for management (the web console, the JSON API, {@code stream:media}): the same
 * folder and configuration, PID {@code org.tributary.source.file}, as the {@link FileMediaSource}
 * that plays it, whose metatype describes the settings.
 */
@Component(service = MediaLibrary.class, configurationPid = "org.tributary.source.file",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MediaLibraryComponent implements MediaLibrary {

    /** Default upload limit, in megabytes. */
    static final int DEFAULT_MAX_UPLOAD_MEGABYTES = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibraryComponent.class);
    private static final long MEGABYTE = 1024L * 1024;

    private final MediaCatalog catalog;
    private final MediaUploads uploads;
    private volatile MediaFolder folder;
    private volatile long maxUploadBytes;

    /** A library of the default folder, until a configuration says otherwise. */
    public MediaLibraryComponent() {
        this(ChannelOpener.READ_ONLY);
    }

    MediaLibraryComponent(ChannelOpener opener) {
        catalog = new MediaCatalog(opener);
        uploads = new MediaUploads(opener, catalog);
        open("", DEFAULT_MAX_UPLOAD_MEGABYTES);
    }

    @Activate
    @Modified
    void activate(FileSourceConfig config) {
        open(config.mediaFolder(), config.maxUploadMegabytes());
    }

    /**
     * Applies the configuration; the OSGi life-cycle methods only forward here, and tests call it.
     *
     * @param mediaFolder        the folder; empty means {@code ${karaf.home}/media}, or {@code ./media}
     * @param maxUploadMegabytes the largest upload accepted; 0 or less refuses every upload
     */
    public void open(String mediaFolder, long maxUploadMegabytes) {
        folder = MediaFolder.configured(mediaFolder);
        maxUploadBytes = Math.max(0, maxUploadMegabytes) * MEGABYTE;
    }

    @Override
    public List<MediaItem> list() {
        return catalog.list(folder);
    }

    @Override
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    @Override
    public MediaItem store(String name, InputStream data) throws MediaException {
        MediaFolder current = folder;
        MediaItem item = uploads.store(current, name, data, maxUploadBytes);
        LOG.info("Stored {} in {} ({} bytes)", item.path(), current.root(), item.size());
        return item;
    }

    @Override
    public void delete(String name) throws MediaException {
        MediaFolder current = folder;
        uploads.delete(current, name);
        LOG.info("Deleted {} from {}", MediaFolder.printable(name), current.root());
    }
}
