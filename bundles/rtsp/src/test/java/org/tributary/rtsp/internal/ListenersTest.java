package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.channel.EventLoopGroup;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.Endpoint;

/** Real sockets on the loopback range: several addresses, live changes, and RTSP over TLS. */
public class ListenersTest {

    @Rule
    public final EmbeddedRtspServer server = new EmbeddedRtspServer();
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private EventLoopGroup loops;
    private TlsChannelInitializer tls;
    private Listeners listeners;
    private Path keystore;
    private int port;
    private int otherPort;

    @Before
    public void serve() throws Exception {
        loops = NettyTransport.group(1, "listeners-test");
        tls = new TlsChannelInitializer(server.initializer);
        listeners = new Listeners(loops, loops, server.initializer, tls, Duration.ofMillis(200));
        keystore = TestKeystores.create(folder.getRoot().toPath().resolve("rtsps.p12"), "PKCS12", "tributary");
        tls.context(KeystoreTls.load(new TlsSettings(List.of(), keystore.toString(), TestKeystores.PASSWORD,
                "PKCS12", ""), folder.getRoot().toPath()));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
            otherPort = other.getLocalPort();
        }
    }

    @After
    public void stop() {
        listeners.shutdown();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    public void everyAddressServesAndAnAddressOfAnotherHostIsListedWithWhy() throws IOException {
        listeners.apply(ListenerKey.every(List.of("127.0.0.1", "192.0.2.1", "127.0.0.2"), List.of(port), false), null);
        assertTrue(answersOptions("127.0.0.1"));
        assertTrue(answersOptions("127.0.0.2"));
        assertEquals(List.of(new Endpoint("127.0.0.1", port, true, ""),
                new Endpoint("192.0.2.1", port, false, "192.0.2.1 is not an address of this host"),
                new Endpoint("127.0.0.2", port, true, "")), listeners.endpoints(false));
    }

    @Test
    public void aRemovedAddressStopsListeningAndTheOtherKeepsItsConnections() throws IOException {
        listeners.apply(ListenerKey.every(List.of("127.0.0.1", "127.0.0.2"), List.of(port), false), null);
        try (Socket open = new Socket("127.0.0.1", port)) {
            listeners.apply(ListenerKey.every(List.of("127.0.0.1"), List.of(port), false), null);
            // the close is complete once the loop let go of the socket, a moment after its future
            await("127.0.0.2 refuses").atMost(Duration.ofSeconds(5)).until(() -> refuses("127.0.0.2", port));
            open.getOutputStream().write(options().getBytes(StandardCharsets.US_ASCII));
            assertTrue(statusLine(open.getInputStream()).startsWith("RTSP/1.0 200"));
        }
    }

    @Test
    public void rtspOverTlsAnswersAClientThatTrustsTheCertificate() throws Exception {
        listeners.apply(ListenerKey.every(List.of("127.0.0.1"), List.of(port), true), null);
        try (SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.getOutputStream().write(options().getBytes(StandardCharsets.US_ASCII));
            assertTrue(statusLine(socket.getInputStream()).startsWith("RTSP/1.0 200"));
            assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(socket.getSession().getProtocol()));
        }
        assertEquals(List.of(new Endpoint("127.0.0.1", port, true, "")), listeners.endpoints(true));
        assertEquals(List.of(), listeners.endpoints(false));
    }

    @Test
    public void plainRtspOnTheTlsPortIsClosedAndCounted() throws IOException {
        listeners.apply(ListenerKey.every(List.of("127.0.0.1"), List.of(port), true), null);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(options().getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5000);
            assertEquals("the server closes", -1, drain(socket.getInputStream()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> tls.failedHandshakes() == 1);
    }

    @Test
    public void aClientThatRejectsTheCertificateIsCounted() throws Exception {
        listeners.apply(ListenerKey.every(List.of("127.0.0.1"), List.of(port), true), null);
        SSLContext defaults = SSLContext.getInstance("TLS");
        defaults.init(null, null, null);
        try (SSLSocket socket = (SSLSocket) defaults.getSocketFactory().createSocket("127.0.0.1", port)) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> tls.failedHandshakes() == 1);
    }

    @Test
    public void aBadKeystoreListsTheTlsPortsWithWhyAndThePlainPortsServe() throws IOException {
        List<ListenerKey> wanted = new ArrayList<>(ListenerKey.every(List.of("127.0.0.1"), List.of(port), false));
        int tlsPort = otherPort;
        wanted.addAll(ListenerKey.every(List.of("127.0.0.1"), List.of(tlsPort), true));
        listeners.apply(wanted, "keystore x.p12: wrong password");
        assertTrue(answersOptions("127.0.0.1"));
        assertEquals(List.of(new Endpoint("127.0.0.1", tlsPort, false, "keystore x.p12: wrong password")),
                listeners.endpoints(true));
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", tlsPort).close());
    }

    @Test
    public void aSquattedPortBindsOnceTheSquatterLetsGo() throws IOException {
        List<ListenerKey> wanted = ListenerKey.every(List.of("127.0.0.1"), List.of(port), false);
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            listeners.apply(wanted, null);
            assertEquals(false, listeners.endpoints(false).get(0).bound());
        }
        await("the port binds on a retry").atMost(Duration.ofSeconds(5))
                .until(() -> listeners.endpoints(false).get(0).bound());
        assertTrue(answersOptions("127.0.0.1"));
    }

    @Test
    public void stoppedClosesThePortsAndListsThemAsStopped() throws IOException {
        List<ListenerKey> wanted = ListenerKey.every(List.of("127.0.0.1"), List.of(port), false);
        listeners.apply(wanted, null);
        listeners.stopped(wanted);
        await().atMost(Duration.ofSeconds(5)).until(() -> refuses("127.0.0.1", port));
        assertEquals(List.of(new Endpoint("127.0.0.1", port, false, "service stopped")), listeners.endpoints(false));
        listeners.apply(wanted, null);
        assertTrue(answersOptions("127.0.0.1"));
    }

    private SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            trusted.load(in, TestKeystores.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private boolean answersOptions(String address) throws IOException {
        try (Socket socket = new Socket(address, port)) {
            socket.getOutputStream().write(options().getBytes(StandardCharsets.US_ASCII));
            return statusLine(socket.getInputStream()).startsWith("RTSP/1.0 200");
        }
    }

    private static String options() {
        return "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n";
    }

    /** @return the first line the server answers, e.g. {@code RTSP/1.0 200 OK} */
    private static String statusLine(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
    }

    private static int drain(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        int read;
        do {
            read = in.read(sink);
        } while (read > 0);
        return read;
    }

    private static boolean refuses(String host, int port) {
        try (Socket socket = new Socket(host, port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
