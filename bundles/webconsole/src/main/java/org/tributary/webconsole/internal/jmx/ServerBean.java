package org.tributary.webconsole.internal.jmx;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.tributary.api.StreamSession;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.model.Actions;
import org.tributary.webconsole.internal.model.ServerFigures;
import org.tributary.webconsole.internal.model.Services;

/** The {@link ServerMXBean}: each attribute read reads the server's figures now. */
final class ServerBean implements ServerMXBean {

    private final Services services;
    private final Actions actions;

    ServerBean(Services services) {
        this.services = services;
        this.actions = new Actions(services);
    }

    private long figure(Function<ServerFigures, Long> figure) {
        return figure.apply(ServerFigures.of(services, 0));
    }

    @Override
    public boolean isServing() {
        return ServerFigures.of(services, 0).serving();
    }

    @Override
    public long getUptimeSeconds() {
        return Math.max(0, Duration.between(services.started(), Instant.now()).toSeconds());
    }

    @Override
    public long getSessions() {
        return figure(ServerFigures::sessions);
    }

    @Override
    public long getViewers() {
        return figure(f -> f.sessionsOfKind(StreamSession.VIEWER));
    }

    @Override
    public long getPublishers() {
        return figure(f -> f.sessionsOfKind(StreamSession.PUBLISHER));
    }

    @Override
    public long getListeners() {
        return figure(f -> f.sessionsOfKind(StreamSession.LISTENER));
    }

    @Override
    public long getSessionsCreated() {
        return figure(ServerFigures::sessionsTotal);
    }

    @Override
    public long getBytesSent() {
        return figure(ServerFigures::bytesSent);
    }

    @Override
    public long getPacketsSent() {
        return figure(ServerFigures::packetsSent);
    }

    @Override
    public long getBytesReceived() {
        return figure(ServerFigures::bytesReceived);
    }

    @Override
    public long getPacketsReceived() {
        return figure(ServerFigures::packetsReceived);
    }

    @Override
    public long getPacketsLost() {
        return figure(ServerFigures::packetsLost);
    }

    @Override
    public long getRefusals() {
        return figure(ServerFigures::refusalsTotal);
    }

    @Override
    public long getBroadcasts() {
        return figure(ServerFigures::broadcasts);
    }

    @Override
    public long getBitRateOut() {
        return services.history().latest().bitRateOut();
    }

    @Override
    public long getBitRateIn() {
        return services.history().latest().bitRateIn();
    }

    @Override
    public String startService() {
        return message(actions.serve(true));
    }

    @Override
    public String stopService() {
        return message(actions.serve(false));
    }

    private static String message(ApiResponse response) {
        return response.status() + " " + response.json();
    }
}
