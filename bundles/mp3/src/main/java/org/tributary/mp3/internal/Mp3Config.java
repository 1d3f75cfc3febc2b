package org.tributary.mp3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the MP3 broadcast (PID {@code org.tributary.mp3}); the web console renders them as a form. */
@ObjectClassDefinition(name = "Tributary MP3 broadcast",
        description = "Icecast/Shoutcast-compatible MP3 stations on the streaming ports: passwords, limits, buffering")
@interface Mp3Config {

    @AttributeDefinition(name = "Source password", type = AttributeType.PASSWORD,
            description = "Password of MP3 sources (user 'source'); empty refuses every source. "
                    + "Set it with stream:mp3-password")
    String sourcePassword() default "";

    @AttributeDefinition(name = "Admin password", type = AttributeType.PASSWORD,
            description = "Password of user 'admin' for /admin/metadata; the source password is accepted too")
    String adminPassword() default "";

    @AttributeDefinition(name = "Burst", description = "Seconds of audio a new listener gets at once", min = "0", max = "30")
    int burstSeconds() default 3;

    @AttributeDefinition(name = "Max listeners", description = "Listeners over all stations", min = "0")
    int maxListeners() default 1000;

    @AttributeDefinition(name = "Max listeners per station", description = "Listeners of one station; 0 for no cap "
            + "beyond the overall one", min = "0")
    int maxListenersPerStation() default 0;

    @AttributeDefinition(name = "Heap limit (%)", description = "New listeners get 503 while the heap in use after "
            + "garbage collection is over this share of the largest heap (-Xmx), so those already listening keep the "
            + "memory they need. 0: off", min = "0", max = "100")
    int heapLimitPercent() default 85;

    @AttributeDefinition(name = "Max stations", description = "Stations on air at once", min = "1")
    int maxStations() default 32;

    @AttributeDefinition(name = "Source timeout", description = "Seconds without data before a source is ended", min = "1")
    int sourceTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Metadata interval", description = "icy-metaint: audio bytes between ICY metadata blocks",
            min = "256", max = "65536")
    int metaInterval() default 16000;

    @AttributeDefinition(name = "Take over", description = "A source for a mount already fed replaces the old source "
            + "(else it is refused with 403)")
    boolean takeover() default false;

    @AttributeDefinition(name = "Shoutcast mount", description = "The mount a Shoutcast v1 source (which names none) feeds")
    String icyMount() default "/stream";

    @AttributeDefinition(name = "Ring buffer", description = "Kilobytes of audio kept per station for listeners that "
            + "lag behind or join (at least the burst)", min = "64", max = "65536")
    int ringKilobytes() default 1024;

    @AttributeDefinition(name = "RTSP prefix", description = "Every station is also an RTSP path (MPA over RTP through "
            + "the live source): this prefix followed by its mount, such as /live for rtsp://HOST/live/radio; empty: "
            + "the mount itself (rtsp://HOST/radio)")
    String rtspPrefix() default "";

    @AttributeDefinition(name = "Refusal delay", description = "Milliseconds before a wrong password is answered",
            min = "0", max = "10000")
    int refusalDelayMillis() default 1000;
}
