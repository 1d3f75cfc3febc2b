package org.tributary.source.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the file source, PID {@code org.tributary.source.file}. */
@ObjectClassDefinition(name = "Tributary file source",
        description = "Plays the movies (MP4, MOV, M4V, M4A, 3GP) and MP3 files of a media folder on demand")
@interface FileSourceConfig {

    @AttributeDefinition(name = "Media folder",
            description = "Folder whose movies are served; empty means ${karaf.home}/media")
    String mediaFolder() default "";

    @AttributeDefinition(name = "Index cache size",
            description = "Number of parsed movie indexes kept in memory; 0 disables the cache")
    int indexCacheSize() default FileMediaSource.DEFAULT_INDEX_CACHE_SIZE;

    @AttributeDefinition(name = "Upload limit (MB)",
            description = "Largest file the web console or the JSON API may upload into the media folder, in "
                    + "megabytes; 0 refuses uploads")
    int maxUploadMegabytes() default MediaLibraryComponent.DEFAULT_MAX_UPLOAD_MEGABYTES;
}
