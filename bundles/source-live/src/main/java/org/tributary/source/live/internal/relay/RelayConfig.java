package org.tributary.source.live.internal.relay;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of one relay, factory PID {@code org.tributary.live.relay} ({@code etc/org.tributary.live.relay-NAME.cfg}). */
@ObjectClassDefinition(name = "Tributary live relay",
        description = "Pulls a stream from another RTSP server and serves it as a local live broadcast")
@interface RelayConfig {

    @AttributeDefinition(name = "Origin URL", description = "rtsp://[user:password@]host[:port]/path of the stream to pull")
    String url();

    @AttributeDefinition(name = "Local path", description = "Path of the broadcast below the live mount, such as edge1")
    String path();

    @AttributeDefinition(name = "Mode",
            description = "always: pull as long as the relay is configured; ondemand: pull only while viewers watch",
            options = {@Option(label = "Always", value = RelaySettings.ALWAYS),
                    @Option(label = "On demand", value = RelaySettings.ON_DEMAND)})
    String mode() default RelaySettings.ALWAYS;

    @AttributeDefinition(name = "Reconnect delay (s)",
            description = "always: seconds to wait before pulling again after the origin closed or failed; "
                    + "ondemand: seconds during which viewers get 404 at once after the origin could not be pulled",
            min = "1")
    int reconnectSeconds() default RelaySettings.DEFAULT_RECONNECT_SECONDS;

    @AttributeDefinition(name = "Connect timeout (s)",
            description = "ondemand: how long a viewer's DESCRIBE waits for the origin to play before it gets 404",
            min = "1", max = "300")
    int connectSeconds() default RelaySettings.DEFAULT_CONNECT_SECONDS;

    @AttributeDefinition(name = "Idle time (s)",
            description = "ondemand: the pull stops this long after the last viewer left (or after a DESCRIBE "
                    + "that no PLAY followed)", min = "1", max = "86400")
    int idleSeconds() default RelaySettings.DEFAULT_IDLE_SECONDS;
}
