package org.tributary.itests.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.tributary.itests.support.RtspResponse;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.TributaryDistribution;

/**
 * An RTSP publisher over UDP whose media ffmpeg encodes: ffmpeg sends plain RTP of a looping movie
 * (video and audio, each with RTCP) to four local ports; this class announces ffmpeg's SDP, sets
 * both tracks up with those ports as {@code client_port}, records, and forwards every datagram from
 * the port it arrived on to the matching server port. So the server sees one publisher sending from
 * its declared ports, and a test can also send packets of its own from those very ports
 * ({@link #sendFrom}), which no other process could, since ffmpeg holds its own sockets.
 */
final class RelayedUdpPublisher implements AutoCloseable {

    /** Index of each port in {@link #sendFrom}: video RTP, video RTCP, audio RTP, audio RTCP. */
    static final int VIDEO_RTP = 0;
    private static final int PORTS = 4;
    private static final Pattern SERVER_PORT = Pattern.compile("server_port=(\\d+)-(\\d+)");
    private static final Duration SDP_WRITTEN = Duration.ofSeconds(20);

    private final DatagramChannel[] local = new DatagramChannel[PORTS];
    private final InetSocketAddress[] server = new InetSocketAddress[PORTS];
    private final Selector selector;
    private RunningCommand ffmpeg;
    private RtspTestClient rtsp;
    private Thread relay;
    private volatile long videoSsrc = -1;

    private RelayedUdpPublisher() throws IOException {
        selector = Selector.open();
    }

    /** Starts ffmpeg, then announces, sets up and records {@code path} (which must allow anonymous WRITE). */
    static RelayedUdpPublisher publish(TributaryDistribution server, String path, Path movie, Path sdpFile)
            throws IOException {
        RelayedUdpPublisher publisher = new RelayedUdpPublisher();
        try {
            publisher.start(server, path, movie, sdpFile);
            return publisher;
        } catch (IOException | RuntimeException e) {
            publisher.close();
            throw e;
        }
    }

    private void start(TributaryDistribution distribution, String path, Path movie, Path sdpFile) throws IOException {
        bindPairs();
        Files.deleteIfExists(sdpFile);
        ffmpeg = LiveClients.sendRtp(movie, port(0), port(2), sdpFile);
        Awaitility.await("ffmpeg wrote " + sdpFile).atMost(SDP_WRITTEN)
                .until(() -> !ffmpeg.isAlive() || Files.exists(sdpFile) && Files.size(sdpFile) > 0);
        if (!ffmpeg.isAlive()) {
            throw new IOException("ffmpeg ended" + ffmpeg.awaitExit(Duration.ZERO).describe());
        }
        String url = distribution.url(path);
        rtsp = new RtspTestClient("127.0.0.1", distribution.rtspPort());
        expectOk(rtsp.announce(url, withControls(Files.readString(sdpFile))));
        for (int track = 0; track < 2; track++) {
            RtspResponse setup = expectOk(rtsp.request("SETUP", url + "/streamid=" + track,
                    "Transport: RTP/AVP/UDP;unicast;client_port=" + port(2 * track) + "-" + port(2 * track + 1)
                            + ";mode=record"));
            Matcher ports = SERVER_PORT.matcher(setup.header("Transport"));
            if (!ports.find()) {
                throw new IOException("no server_port in " + setup.describe());
            }
            server[2 * track] = new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.group(1)));
            server[2 * track + 1] = new InetSocketAddress("127.0.0.1", Integer.parseInt(ports.group(2)));
        }
        expectOk(rtsp.request("RECORD", url, "Range: npt=0.000-"));
        relay = new Thread(this::forward, "relayed-udp-publisher");
        relay.setDaemon(true);
        relay.start();
    }

    /** Binds two even/odd port pairs on 127.0.0.1, as RTP wants them. */
    private void bindPairs() throws IOException {
        for (int pair = 0; pair < 2; pair++) {
            for (int attempt = 0; local[2 * pair] == null; attempt++) {
                if (attempt == 50) {
                    throw new IOException("no free even/odd UDP port pair on 127.0.0.1");
                }
                DatagramChannel rtp = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                int even = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
                if (even % 2 != 0 || even == 0xFFFF) {
                    rtp.close();
                    continue;
                }
                try {
                    local[2 * pair + 1] = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", even + 1));
                    local[2 * pair] = rtp;
                } catch (IOException taken) {
                    rtp.close();
                }
            }
        }
        for (int i = 0; i < PORTS; i++) {
            local[i].configureBlocking(false);
            local[i].register(selector, SelectionKey.OP_READ, i);
        }
    }

    /** ffmpeg's SDP for plain RTP names no controls: the tracks become streamid=0 and streamid=1. */
    private static String withControls(String sdp) {
        StringBuilder out = new StringBuilder();
        int track = 0;
        for (String line : sdp.split("\r?\n")) {
            out.append(line).append("\r\n");
            if (line.startsWith("m=")) {
                out.append("a=control:streamid=").append(track++).append("\r\n");
            }
        }
        return out.toString();
    }

    private static RtspResponse expectOk(RtspResponse response) throws IOException {
        if (response.status() != 200) {
            throw new IOException("publishing failed" + response.describe());
        }
        return response;
    }

    private void forward() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        try {
            while (selector.isOpen()) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    int index = (Integer) key.attachment();
                    for (SocketAddress from; (from = receive(index, buffer)) != null; ) {
                        buffer.flip();
                        if (index == VIDEO_RTP && videoSsrc < 0 && buffer.remaining() >= 12) {
                            videoSsrc = buffer.getInt(8) & 0xFFFF_FFFFL;
                        }
                        local[index].send(buffer, server[index]);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException | IOException e) {
            // closed: the relay ends
        }
    }

    private SocketAddress receive(int index, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return local[index].receive(buffer);
    }

    /** @return the local port of {@code index} (see {@link #VIDEO_RTP}) */
    int port(int index) {
        return ((InetSocketAddress) localAddress(index)).getPort();
    }

    private SocketAddress localAddress(int index) {
        try {
            return local[index].getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("port " + index + " is closed", e);
        }
    }

    /** @return the SSRC of ffmpeg's video RTP, or -1 before its first packet was forwarded */
    long videoSsrc() {
        return videoSsrc;
    }

    /** Sends {@code packet} from the publisher's own port {@code index} to the server port it feeds. */
    void sendFrom(int index, byte[] packet) throws IOException {
        local[index].send(ByteBuffer.wrap(packet), server[index]);
    }

    /** @return the server's RTP and RTCP ports of both tracks, in {@link #sendFrom} order */
    InetSocketAddress serverPort(int index) {
        return server[index];
    }

    /** Stops ffmpeg and the relay, closes the RTSP connection without TEARDOWN and the ports. */
    @Override
    public void close() throws IOException {
        if (ffmpeg != null) {
            ffmpeg.close();
        }
        selector.close();
        if (relay != null) {
            try {
                relay.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rtsp != null) {
            rtsp.close();
        }
        for (DatagramChannel channel : local) {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
