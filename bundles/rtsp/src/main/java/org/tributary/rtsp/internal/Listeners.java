package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The listening sockets. Each port binds on its own, so one port that cannot be bound (554 without
 * privileges, a port already in use) is logged once and the others still serve. Applying new
 * settings closes only the listeners that changed; connections already accepted stay open.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelInitializer<Channel> initializer;
    private final Map<Integer, Channel> bound = new LinkedHashMap<>();
    private final Map<Integer, Endpoint> endpoints = new LinkedHashMap<>();
    private String address;

    Listeners(EventLoopGroup boss, EventLoopGroup workers, ChannelInitializer<Channel> initializer) {
        this.boss = boss;
        this.workers = workers;
        this.initializer = initializer;
    }

    /** Binds the configured ports on the address; unbinds ports no longer configured. */
    synchronized void apply(String newAddress, List<Integer> ports) {
        if (!newAddress.equals(address)) {
            closeAll();
            address = newAddress;
        }
        for (Integer port : new ArrayList<>(endpoints.keySet())) {
            if (!ports.contains(port)) {
                close(port);
            }
        }
        for (int port : ports) {
            if (!bound.containsKey(port)) {
                bind(port);
            }
        }
    }

    private void bind(int port) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        ChannelFuture future = bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (future.isSuccess()) {
            bound.put(port, future.channel());
            endpoints.put(port, new Endpoint(address, port, true, ""));
            LOG.info("RTSP listening on {}:{}", address, port);
        } else {
            String why = explain(port, future.cause());
            endpoints.put(port, new Endpoint(address, port, false, why));
            LOG.error("RTSP cannot listen on {}:{}: {}; the other ports still serve", address, port, why);
        }
    }

    private static String explain(int port, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (port < 1024 && message.toLowerCase().contains("permission")) {
            return message + " (ports below 1024 need root or CAP_NET_BIND_SERVICE)";
        }
        return message;
    }

    private void close(int port) {
        Channel channel = bound.remove(port);
        endpoints.remove(port);
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            LOG.info("RTSP stopped listening on {}:{}", address, port);
        }
    }

    synchronized void closeAll() {
        for (Integer port : new ArrayList<>(endpoints.keySet())) {
            close(port);
        }
    }

    synchronized List<Endpoint> endpoints() {
        return new ArrayList<>(endpoints.values());
    }
}
