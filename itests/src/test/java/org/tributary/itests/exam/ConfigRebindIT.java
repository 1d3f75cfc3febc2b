package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tributary.api.Endpoint;
import org.tributary.itests.support.RtspTestClient;

/** A changed port list rebinds the listeners without a restart, and a session on a kept port survives it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigRebindIT extends TributaryExamSupport {

    @Inject
    protected ConfigurationAdmin configAdmin;

    private void setPorts(String ports) throws IOException {
        Configuration config = configAdmin.getConfiguration("org.tributary.rtsp", null);
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("ports", ports);
        config.update(props);
    }

    @Test
    public void aPortInUseIsReportedAndTheOthersServe() throws Exception {
        int original = rtspPort();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = squatter.getLocalPort();
            setPorts(busy + "," + original);
            await().atMost(Duration.ofSeconds(10)).until(() -> rtsp.endpoints().size() == 2);
            Endpoint failed = rtsp.endpoints().stream().filter(e -> e.port() == busy).findFirst().orElseThrow();
            assertFalse(failed.bound());
            assertTrue(failed.error(), failed.error().toLowerCase().contains("in use"));
            String status = executeCommand("stream:status");
            assertTrue(status, status.contains("NOT BOUND"));
            try (RtspTestClient client = new RtspTestClient("127.0.0.1", original)) {
                assertEquals(200, client.request("OPTIONS", url("/")).status());
            }
        } finally {
            setPorts(String.valueOf(original));
            await().atMost(Duration.ofSeconds(10)).until(() -> rtsp.endpoints().size() == 1);
        }
    }

    @Test
    public void portChangeRebinds() throws Exception {
        int original = rtspPort();
        int spare = Integer.getInteger(SPARE_PORT);
        try (RtspTestClient kept = new RtspTestClient("127.0.0.1", original)) {
            setPorts(original + "," + spare);
            await().atMost(Duration.ofSeconds(10)).until(() -> accepts(spare));
            assertEquals("the connection on the kept port still answers", 200,
                    kept.request("OPTIONS", url("/")).status());

            setPorts(String.valueOf(spare));
            // the rebind closes the old listeners before it binds the new ones: wait for the end state
            await().atMost(Duration.ofSeconds(10)).until(() -> rtsp.endpoints().size() == 1
                    && rtsp.endpoints().get(0).port() == spare && rtsp.endpoints().get(0).bound());
            assertFalse("the dropped port no longer accepts", accepts(original));
            try (RtspTestClient moved = new RtspTestClient("127.0.0.1", spare)) {
                assertEquals(200, moved.request("DESCRIBE", "rtsp://127.0.0.1:" + spare + "/sample.mp4").status());
            }
        } finally {
            setPorts(String.valueOf(original));
            await().atMost(Duration.ofSeconds(10)).until(() -> accepts(original));
        }
    }
}
