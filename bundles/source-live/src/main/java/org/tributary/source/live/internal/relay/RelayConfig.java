package org.tributary.source.live.internal.relay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of one relay, factory PID {@code org.tributary.live.relay} ({@code etc/org.tributary.live.relay-NAME.cfg}). */
@ObjectClassDefinition(name = "Tributary live relay",
        description = "Pulls a stream from another RTSP server and serves it as a local live broadcast")
@interface RelayConfig {

    @AttributeDefinition(name = "Origin URL", description = "rtsp://[user:password@]host[:port]/path of the stream to pull")
    String url();

    @AttributeDefinition(name = "Local path", description = "Path of the broadcast below the live mount, such as edge1")
    String path();

    @AttributeDefinition(name = "Reconnect delay (s)",
            description = "Seconds to wait before pulling again after the origin closed or failed", min = "1")
    int reconnectSeconds() default 5;
}
