package org.tributary.core.internal;

import java.time.Instant;

import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;

/** A session with fixed values that tests set. */
final class FakeSession implements StreamSession {

    String id = "S1";
    String kind = VIEWER;
    String client = "127.0.0.1:50000";
    String path = "/sample.mp4";
    String agent = "Lavf/59.27.100";
    String user = "";
    String transport = "RTP/AVP/UDP";
    Instant created = Instant.parse("2026-12-07T10:00:00Z");
    long bytesSent = 1000;
    long packetsSent = 10;
    long bytesReceived;
    long packetsReceived;
    ReceptionStats reception = ReceptionStats.NONE;

    FakeSession() {
    }

    FakeSession(String id) {
        this.id = id;
    }

    public String id() { return id; }
    public String protocol() { return "RTSP"; }
    public String clientAddress() { return client; }
    public String path() { return path; }
    public String state() { return "PLAYING"; }
    public String transport() { return transport; }
    public Instant created() { return created; }
    public long bytesSent() { return bytesSent; }
    public long packetsSent() { return packetsSent; }
    public ReceptionStats reception() { return reception; }
    public void close() { }
    public String kind() { return kind; }
    public String userName() { return user; }
    public String userAgent() { return agent; }
    public long bytesReceived() { return bytesReceived; }
    public long packetsReceived() { return packetsReceived; }
}
