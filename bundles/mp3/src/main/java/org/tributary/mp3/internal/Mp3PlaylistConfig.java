package org.tributary.mp3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One MP3 playlist station, factory PID {@code org.tributary.mp3.playlist}: one
 * {@code etc/org.tributary.mp3.playlist-NAME.cfg} per station, for example
 * <pre>
 * mount = /jukebox
 * folder = music
 * order = shuffle
 * loop = true
 * fallbackFor = /radio
 * </pre>
 */
@ObjectClassDefinition(name = "Tributary MP3 playlist station",
        description = "Plays MP3 files of the media folder one after another as one station, paced in real time")
@interface Mp3PlaylistConfig {

    @AttributeDefinition(name = "Mount", description = "The station's mount, such as /jukebox")
    String mount();

    @AttributeDefinition(name = "Name", description = "The station's name (icy-name); empty: the mount")
    String name() default "";

    @AttributeDefinition(name = "Folder", description = "A folder inside the media folder whose .mp3 files play, "
            + "by name; empty: the media folder itself. Ignored when files are listed")
    String folder() default "";

    @AttributeDefinition(name = "Files", description = "MP3 files inside the media folder, such as music/a.mp3; "
            + "several values or one ';'-separated value")
    String[] files() default {};

    @AttributeDefinition(name = "Order", description = "sequential or shuffle")
    String order() default "sequential";

    @AttributeDefinition(name = "Loop", description = "Start again after the last file (else the station ends)")
    boolean loop() default true;

    @AttributeDefinition(name = "Fallback for", description = "Mounts of live sources whose listeners move to this "
            + "station when their source drops, and back when it returns; several values or ';'-separated")
    String[] fallbackFor() default {};

    @AttributeDefinition(name = "Media folder", description = "The media folder; empty means ${karaf.home}/media")
    String mediaFolder() default "";
}
