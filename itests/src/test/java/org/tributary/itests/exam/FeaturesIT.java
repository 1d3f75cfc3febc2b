package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tributary.api.Endpoint;
import org.tributary.api.MountRegistry;
import org.tributary.api.SessionRegistry;

/** The distribution boots with every Tributary feature installed and every service registered. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesIT extends TributaryExamSupport {

    @Inject
    protected FeaturesService features;

    @Inject
    protected MountRegistry mounts;

    @Inject
    protected SessionRegistry sessions;

    @Inject
    protected ServiceComponentRuntime scr;

    @Test
    public void everyFeatureIsInstalled() throws Exception {
        // the capabilities boot as features of their own; the umbrella "tributary" is for installs by hand
        for (String name : List.of("tributary-core", "tributary-rtsp", "tributary-source-file",
                "tributary-source-live", "tributary-auth", "tributary-shell", "tributary-netty", "tributary-mp3",
                "tributary-webconsole")) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
    }

    /**
     * The test may begin while Karaf's boot is still starting the last features' bundles (its services
     * injected are those of the first ones), so each bundle is given the boot's time to become active.
     */
    @Test
    public void everyBundleIsActive() {
        for (String name : List.of("tributary-api", "tributary-core", "tributary-rtp", "tributary-rtsp",
                "tributary-source-file", "tributary-source-live", "tributary-auth", "tributary-shell", "tributary-mp3",
                "tributary-webconsole")) {
            await(name + " active").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertEquals(name, Bundle.ACTIVE, bundle(name).getState()));
        }
    }

    @Test
    public void servicesAreRegistered() {
        assertEquals("RTSP", rtsp.protocol());
        Endpoint endpoint = rtsp.endpoints().get(0);
        assertEquals(rtspPort(), endpoint.port());
        assertTrue(endpoint.error(), endpoint.bound());
        assertTrue(files.description(), files.description().contains("media"));
        assertTrue(mounts.mounts().containsKey("/"));
        assertFalse(sessions == null);
    }

    /**
     * Components that do their work on their own (listen, broadcast) must not be delayed: a delayed one
     * would only run while some other bundle, such as the shell, happened to use its service.
     */
    @Test
    public void serverAndPlaylistsRunWithoutAnyoneUsingThem() {
        assertTrue("RtspServer immediate", component("tributary-rtsp", "org.tributary.rtsp.internal.RtspServer")
                .immediate);
        assertTrue("PlaylistComponent immediate", component("tributary-source-live",
                "org.tributary.source.live.internal.playlist.PlaylistComponent").immediate);
        assertTrue("Mp3Broadcast immediate", component("tributary-mp3", "org.tributary.mp3.internal.Mp3Broadcast")
                .immediate);
    }

    private ComponentDescriptionDTO component(String bundle, String name) {
        ComponentDescriptionDTO dto = scr.getComponentDescriptionDTO(bundle(bundle), name);
        assertFalse(name + " is a component of " + bundle, dto == null);
        return dto;
    }

    @Test
    public void statusCommandShowsPortsAndMediaFolder() throws Exception {
        String out = executeCommand("stream:status");
        for (String expected : List.of(String.valueOf(rtspPort()), "serving", "files in ", "Sessions: 0 open")) {
            assertTrue(out, out.contains(expected));
        }
    }
}
