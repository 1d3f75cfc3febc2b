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
 * logged and the others still serve; one that failed on a port in use is tried again every few seconds
 * (see {@link BindRetry}) until it binds. Applying new settings closes and binds only the sockets that
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
    private final BindRetry retry;

    Listeners(EventLoopGroup boss, EventLoopGroup workers, ChannelInitializer<Channel> plain,
              ChannelInitializer<Channel> tls) {
        this(boss, workers, plain, tls, BindRetry.INTERVAL);
    }

    /** @param retryInterval how long after a failed bind it is tried again */
    Listeners(EventLoopGroup boss, EventLoopGroup workers, ChannelInitializer<Channel> plain,
              ChannelInitializer<Channel> tls, java.time.Duration retryInterval) {
        this.boss = boss;
        this.workers = workers;
        this.plain = plain;
        this.tls = tls;
        this.retry = new BindRetry(this::retry, retryInterval);
    }

    /**
     * Makes the bound sockets those of {@code wanted}, less the ones on an unusable address and,
     * when {@code tlsProblem} is not null, the TLS ones: those are listed as not bound, with why.
     *
     * @return why addresses of {@code wanted} cannot be listened on, one entry per address; empty when none
     */
    synchronized List<String> apply(List<ListenerKey> wanted, String tlsProblem) {
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
        retry.keepOnly(usable);
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
        List<String> problems = new ArrayList<>(addressProblems.values());
        problems.removeIf(String::isEmpty);
        return problems;
    }

    /** Closes every socket and lists {@code wanted} as not bound: the service is stopped. */
    synchronized void stopped(List<ListenerKey> wanted) {
        closeAll();
        for (ListenerKey key : wanted) {
            endpoints.put(key, new Endpoint(key.address(), key.port(), false, "service stopped"));
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
        if (!tryBind(key)) {
            String why = endpoints.get(key).error();
            LOG.error("Cannot listen on {}: {}; the other ports still serve, and this one is tried again every {} s",
                    key, why, retry.interval().toSeconds());
            retry.add(key);
        }
    }

    /** Tries the sockets that failed to bind again, quietly; one log line for each that binds now. */
    private synchronized void retry(ListenerKey key) {
        if (endpoints.containsKey(key) && !bound.containsKey(key) && tryBind(key)) {
            retry.remove(key);
            LOG.info("{} is free again: listening on it now", key);
        }
    }

    /** @return whether the socket is bound; either way its endpoint says so */
    private boolean tryBind(ListenerKey key) {
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
            return true;
        }
        endpoints.put(key, new Endpoint(key.address(), key.port(), false, explain(key.port(), future.cause())));
        return false;
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
        retry.keepOnly(Set.of());
        for (ListenerKey key : new ArrayList<>(bound.keySet())) {
            close(key);
        }
        endpoints.clear();
    }

    /** Closes every socket and stops retrying for good (the server is going away). */
    void shutdown() {
        closeAll();
        retry.shutdown();
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
