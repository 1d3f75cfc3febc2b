package org.tributary.rtsp.internal;

import org.tributary.api.MountRegistry;
import org.tributary.rtp.UdpPortPool;

/** What every connection of the server shares; the parts a configuration change replaces are volatile. */
final class ServerContext {

    private final MountRegistry mounts;
    private final RtspSessions sessions;
    private volatile UdpPortPool ports;
    private volatile String bindAddress;

    ServerContext(MountRegistry mounts, RtspSessions sessions, UdpPortPool ports, String bindAddress) {
        this.mounts = mounts;
        this.sessions = sessions;
        this.ports = ports;
        this.bindAddress = bindAddress;
    }

    /** New sessions take their ports from the new pool; running sessions return theirs to the pool they came from. */
    void ports(UdpPortPool newPorts) {
        this.ports = newPorts;
    }

    void bindAddress(String newBindAddress) {
        this.bindAddress = newBindAddress;
    }

    MountRegistry mounts() {
        return mounts;
    }

    RtspSessions sessions() {
        return sessions;
    }

    UdpPortPool ports() {
        return ports;
    }

    String bindAddress() {
        return bindAddress;
    }
}
