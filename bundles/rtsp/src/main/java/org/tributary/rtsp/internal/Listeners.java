package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.Endpoint;

/**
 * The listening sockets, one per (address, port, RTSP or RTSPS). Each binds on its own, so one that
 * cannot be bound (554 without privileges, a port in use, an address this host does not have) is
 * logged and the others still serve. Applying new settings closes and binds only the sockets that
 * changed; connections already accepted stay open.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelInitializer<Channel> plain;
    private final ChannelInitializer<Channel> tls;
    private final Map<ListenerKey, Channel> bound = new LinkedHashMap<>();
    private final Map<ListenerKey, Endpoint> endpoints = new LinkedHashMap<>();

    Listeners(EventLoopGroup boss, EventLoopGroup workers, ChannelInitializer<Channel> plain,
              ChannelInitializer<Channel> tls) {
        this.boss = boss;
        this.workers = workers;
        this.plain = plain;
        this.tls = tls;
    }

    /**
     * Makes the bound sockets those of {@code wanted}, less the ones on an unusable address and,
     * when {@code tlsProblem} is not null, the TLS ones: those are listed as not bound, with why.
     */
    synchronized void apply(List<ListenerKey> wanted, String tlsProblem) {
        Map<String, String> addressProblems = new LinkedHashMap<>();
        Set<ListenerKey> usable = new LinkedHashSet<>();
        for (ListenerKey key : wanted) {
            String problem = addressProblems.computeIfAbsent(key.address(), Listeners::checkAddress);
            if (problem.isEmpty() && !(key.tls() && tlsProblem != null)) {
                usable.add(key);
            }
        }
        ListenerPlan plan = ListenerPlan.between(bound.keySet(), usable);
        plan.toClose().forEach(this::close);
        endpoints.clear();
        for (ListenerKey key : wanted) {
            String problem = addressProblems.get(key.address());
            if (!problem.isEmpty()) {
                endpoints.put(key, new Endpoint(key.address(), key.port(), false, problem));
            } else if (!usable.contains(key)) {
                endpoints.put(key, new Endpoint(key.address(), key.port(), false, tlsProblem));
            } else if (plan.toBind().contains(key)) {
                bind(key);
            } else {
                endpoints.put(key, new Endpoint(key.address(), key.port(), true, ""));
            }
        }
    }

    /** @return why nothing can listen on the address (logged once per apply), or empty */
    private static String checkAddress(String address) {
        String problem = ListenAddresses.problem(address);
        if (problem == null) {
            return "";
        }
        LOG.error("RTSP cannot listen on bindAddress entry {}; the other addresses still serve", problem);
        return problem;
    }

    private void bind(ListenerKey key) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(key.tls() ? tls : plain);
        ChannelFuture future = bootstrap.bind(new InetSocketAddress(key.address(), key.port())).awaitUninterruptibly();
        if (future.isSuccess()) {
            bound.put(key, future.channel());
            endpoints.put(key, new Endpoint(key.address(), key.port(), true, ""));
            LOG.info("Listening on {}", key);
        } else {
            String why = explain(key.port(), future.cause());
            endpoints.put(key, new Endpoint(key.address(), key.port(), false, why));
            LOG.error("Cannot listen on {}: {}; the other ports still serve", key, why);
        }
    }

    private static String explain(int port, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (port < 1024 && message.toLowerCase().contains("permission")) {
            return message + " (ports below 1024 need root or CAP_NET_BIND_SERVICE)";
        }
        return message;
    }

    private void close(ListenerKey key) {
        Channel channel = bound.remove(key);
        endpoints.remove(key);
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            LOG.info("Stopped listening on {}", key);
        }
    }

    synchronized void closeAll() {
        for (ListenerKey key : new ArrayList<>(bound.keySet())) {
            close(key);
        }
        endpoints.clear();
    }

    /** @return the endpoints of one protocol, bound or not, in configured order */
    synchronized List<Endpoint> endpoints(boolean overTls) {
        List<Endpoint> list = new ArrayList<>();
        endpoints.forEach((key, endpoint) -> {
            if (key.tls() == overTls) {
                list.add(endpoint);
            }
        });
        return list;
    }
}
