package org.tributary.webconsole.internal.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.tributary.webconsole.internal.model.ServerFigures;

/**
 * The Prometheus metrics: instruments with callbacks in a registry of their own, collected when
 * scraped. One {@link ServerFigures} is read per scrape, so the figures of one scrape agree.
 */
public final class TributaryMetrics {

    /** How many paths get a {@code tributary_path_sessions} figure of their own; the rest are "other". */
    public static final int MAX_PATHS = 50;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Supplier<ServerFigures> source;
    private volatile ServerFigures current;

    /** @param source reads the figures; called once per scrape */
    public TributaryMetrics(Supplier<ServerFigures> source) {
        this.source = source;
        GaugeWithCallback.builder().name("tributary_serving").help("1 when the protocol servers serve, else 0")
                .callback(cb -> cb.call(current.serving() ? 1 : 0)).register(registry);
        GaugeWithCallback.builder().name("tributary_sessions").help("Open sessions by kind and protocol")
                .labelNames("kind", "protocol").callback(cb -> current.sessionsByKind().forEach((kind, byProtocol) ->
                        byProtocol.forEach((protocol, n) -> cb.call(n, kind, protocol)))).register(registry);
        gauge("tributary_publishers", "Open publisher sessions (RTSP RECORD, MP3 sources)",
                f -> f.sessionsOfKind("publisher"));
        gauge("tributary_mp3_listeners", "Listeners of the MP3 stations", ServerFigures::stationListeners);
        gauge("tributary_broadcasts", "Live broadcasts being published", ServerFigures::broadcasts);
        gauge("tributary_packets_lost", "Packets the open sessions' clients report lost", ServerFigures::packetsLost);
        GaugeWithCallback.builder().name("tributary_path_sessions")
                .help("Open sessions per path, the " + MAX_PATHS + " busiest paths, the rest as path=\"other\"")
                .labelNames("path").callback(cb -> current.sessionsByPath().forEach((path, n) -> cb.call(n, path)))
                .register(registry);
        counter("tributary_sessions_created", "Sessions created since the start", ServerFigures::sessionsTotal);
        counter("tributary_sent_bytes", "Media bytes sent to clients", ServerFigures::bytesSent);
        counter("tributary_sent_packets", "Media packets sent to clients", ServerFigures::packetsSent);
        counter("tributary_received_bytes", "Media bytes received from publishers", ServerFigures::bytesReceived);
        counter("tributary_received_packets", "Media packets received from publishers",
                ServerFigures::packetsReceived);
        CounterWithCallback.builder().name("tributary_refusals").help("Refused requests by status")
                .labelNames("status").callback(cb -> current.refusals().forEach((status, n) ->
                        cb.call(n, String.valueOf(status)))).register(registry);
    }

    /** @return the text format's content type */
    public String contentType() {
        return writer.getContentType();
    }

    /**
     * Reads the figures and writes them in the Prometheus text format.
     *
     * @param out where to write
     * @throws IOException when writing fails
     */
    public synchronized void scrape(OutputStream out) throws IOException {
        current = source.get();
        writer.write(out, registry.scrape());
    }

    private void gauge(String name, String help, ToDoubleFunction<ServerFigures> value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.applyAsDouble(current)))
                .register(registry);
    }

    private void counter(String name, String help, ToDoubleFunction<ServerFigures> value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.applyAsDouble(current)))
                .register(registry);
    }
}
