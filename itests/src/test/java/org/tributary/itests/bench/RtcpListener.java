package org.tributary.itests.bench;

import java.nio.ByteBuffer;

/** What the {@link UdpReceiver} thread does with each packet an RTCP channel receives. */
@FunctionalInterface
interface RtcpListener {

    /** One compound RTCP packet between position and limit, valid only during the call. */
    void onRtcp(ByteBuffer packet);
}
