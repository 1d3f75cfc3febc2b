package org.tributary.webconsole.internal.jmx;

/**
 * The server's figures and service control as a JMX MXBean, {@code org.tributary:type=Server}; the
 * same figures as the Prometheus metrics.
 */
public interface ServerMXBean {

    /** @return whether the protocol servers serve */
    boolean isServing();

    /** @return seconds since the counters started */
    long getUptimeSeconds();

    /** @return open sessions */
    long getSessions();

    /** @return open viewer sessions */
    long getViewers();

    /** @return open publisher sessions */
    long getPublishers();

    /** @return open MP3 listener sessions */
    long getListeners();

    /** @return sessions created since the start */
    long getSessionsCreated();

    /** @return media bytes sent since the start */
    long getBytesSent();

    /** @return media packets sent since the start */
    long getPacketsSent();

    /** @return media bytes received since the start */
    long getBytesReceived();

    /** @return media packets received since the start */
    long getPacketsReceived();

    /** @return packets the open sessions' clients report lost */
    long getPacketsLost();

    /** @return refusals since the start, all statuses */
    long getRefusals();

    /** @return live broadcasts being published */
    long getBroadcasts();

    /** @return bits per second sent over the last sample interval */
    long getBitRateOut();

    /** @return bits per second received over the last sample interval */
    long getBitRateIn();

    /** Starts the protocol servers' listeners. @return what happened */
    String startService();

    /** Stops the protocol servers' listeners and ends their sessions. @return what happened */
    String stopService();
}
