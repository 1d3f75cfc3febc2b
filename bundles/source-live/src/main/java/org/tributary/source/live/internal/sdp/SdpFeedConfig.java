package org.tributary.source.live.internal.sdp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the SDP-file feeds, PID {@code org.tributary.source.sdp}. */
@ObjectClassDefinition(name = "Tributary SDP-file feeds",
        description = "Plays the RTP/UDP feed an NAME.sdp file of the media folder describes at rtsp://HOST/NAME.sdp")
@interface SdpFeedConfig {

    @AttributeDefinition(name = "Media folder",
            description = "Folder whose .sdp files are served; empty means ${karaf.home}/media, as the file source")
    String mediaFolder() default "";

    @AttributeDefinition(name = "Idle time (s)",
            description = "A feed stops and releases its ports this long after its last viewer left, or after a"
                    + " DESCRIBE nobody followed up")
    int idleSeconds() default SdpSettings.DEFAULT_IDLE_SECONDS;

    @AttributeDefinition(name = "Publisher timeout (s)",
            description = "A feed without RTP for this long ends its viewers (RTCP BYE); 0 never ends it")
    int publisherTimeout() default SdpSettings.DEFAULT_PUBLISHER_TIMEOUT;

    @AttributeDefinition(name = "Maximum SDP size (bytes)", description = "Larger .sdp files are refused")
    int maxSdpBytes() default SdpSettings.DEFAULT_MAX_SDP_BYTES;

    @AttributeDefinition(name = "Multicast interface",
            description = "Network interface (such as eth0) multicast groups are joined on; empty means the first"
                    + " one that is up with multicast")
    String multicastInterface() default "";
}
