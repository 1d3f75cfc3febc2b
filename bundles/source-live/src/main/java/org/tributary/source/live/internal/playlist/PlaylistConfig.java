package org.tributary.source.live.internal.playlist;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One playlist broadcast, factory PID {@code org.tributary.live.playlist}: one
 * {@code etc/org.tributary.live.playlist-NAME.cfg} per channel, for example
 * <pre>
 * path = channel1
 * items = /sample.mp4;/sample.mov
 * mode = loop
 * </pre>
 */
@ObjectClassDefinition(name = "Tributary playlist broadcast",
        description = "Plays a list of movies one after another as one live broadcast, like QTSS PlaylistBroadcaster")
@interface PlaylistConfig {

    @AttributeDefinition(name = "Path", description = "Broadcast path below the live mount, such as channel1")
    String path();

    @AttributeDefinition(name = "Items",
            description = "Movie paths as the server serves them, such as /sample.mp4; several values or one "
                    + "';'-separated value; in weighted-random mode a weight may follow a '*', such as /a.mp4*3")
    String[] items();

    @AttributeDefinition(name = "Mode", description = "sequential (once), loop, or weighted-random")
    String mode() default "sequential";
}
