package org.tributary.itests.exam;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.tributary.api.MediaSource;
import org.tributary.api.ProtocolServer;
import org.tributary.itests.support.FreePorts;
import org.tributary.itests.support.OpenSockets;

/**
 * Boots our own distribution (the assembly's tar.gz) in Pax Exam with every port moved to a free
 * one, so the tests never collide with a running server or with each other. The ports chosen
 * outside the container reach the tests inside it as system properties.
 */
public abstract class TributaryExamSupport {

    static final String RTSP_PORT = "tributary.itest.rtspPort";
    static final String SPARE_PORT = "tributary.itest.sparePort";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injected so that every test starts once the RTSP server is listening. */
    @Inject
    protected ProtocolServer rtsp;

    /**
     * Injected so that every test starts once the file source is mounted (not the live source at
     * /live/, nor the .sdp feeds at / with a suffix).
     */
    @Inject
    @Filter("(&(" + MediaSource.MOUNT + "=/)(!(" + MediaSource.SUFFIX + "=*)))")
    protected MediaSource files;

    @Configuration
    public Option[] config() {
        int[] ports = FreePorts.tcp(7);
        int rtpBase = FreePorts.rtpRangeBase(FreePorts.RTP_RANGE_SIZE);
        File distribution = new File(System.getProperty("tributary.distribution"));
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(distribution.toURI().toString())
                    .name("Tributary")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports[0])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(ports[1])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(ports[2])),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(ports[3])),
            editConfigurationFilePut("etc/org.tributary.rtsp.cfg", "ports", String.valueOf(ports[4])),
            editConfigurationFilePut("etc/org.tributary.rtsp.cfg", "rtpPortMin", String.valueOf(rtpBase)),
            editConfigurationFilePut("etc/org.tributary.rtsp.cfg", "rtpPortMax",
                    String.valueOf(rtpBase + FreePorts.RTP_RANGE_SIZE - 1)),
            systemProperty(RTSP_PORT).value(String.valueOf(ports[4])),
            systemProperty(SPARE_PORT).value(String.valueOf(ports[5])),
            // awaitility (and the hamcrest it imports) for waiting inside the container
            mavenBundle("org.hamcrest", "hamcrest", "2.1"),
            mavenBundle("org.awaitility", "awaitility", "4.3.0"),
        };
    }

    protected static int rtspPort() {
        return Integer.getInteger(RTSP_PORT);
    }

    /** @return whether something accepts TCP connections on the port at 127.0.0.1 */
    protected static boolean accepts(int port) {
        return OpenSockets.accepts("127.0.0.1", port);
    }

    protected static String url(String path) {
        return "rtsp://127.0.0.1:" + rtspPort() + path;
    }

    /** Runs a shell command as the console would and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
