package org.tributary.source.live.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the live source, PID {@code org.tributary.source.live}. */
@ObjectClassDefinition(name = "Tributary live source",
        description = "Reflects broadcasts pushed with RTSP ANNOUNCE/RECORD to any number of viewers")
@interface LiveSourceConfig {

    /*
     * DS maps tributary_mount to the service property tributary.mount, so a configured value also
     * replaces the mount the component registers with (the annotation only gives the default).
     */
    @AttributeDefinition(name = "Mount", description = "Path prefix of the broadcasts, with both slashes")
    String tributary_mount() default LiveSettings.DEFAULT_MOUNT;

    @AttributeDefinition(name = "Publisher timeout (s)",
            description = "A broadcast without RTP for this long ends; 0 never ends it")
    int publisherTimeout() default LiveSettings.DEFAULT_PUBLISHER_TIMEOUT;

    @AttributeDefinition(name = "Wait for the publisher (s)",
            description = "When the publisher leaves or times out, viewers wait this long for it (or another "
                    + "publisher of the same media) to continue on the same path; 0 ends them at once")
    int publisherWait() default 0;

    @AttributeDefinition(name = "Allow takeover",
            description = "A new publisher on a busy path replaces the current one instead of being refused")
    boolean allowTakeover() default false;

    @AttributeDefinition(name = "Maximum SDP size (bytes)", description = "Larger announcements are refused")
    int maxSdpBytes() default LiveSettings.DEFAULT_MAX_SDP_BYTES;

    @AttributeDefinition(name = "Maximum tracks", description = "Announcements with more media lines are refused")
    int maxTracks() default LiveSettings.DEFAULT_MAX_TRACKS;
}
