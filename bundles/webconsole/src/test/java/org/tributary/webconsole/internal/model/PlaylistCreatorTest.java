package org.tributary.webconsole.internal.model;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

public class PlaylistCreatorTest {

    /** Saved configurations by factory PID and name. */
    private final Map<String, Dictionary<String, Object>> saved = new HashMap<>();
    private final FakeServices services = new FakeServices();
    private final PlaylistCreator creator = new PlaylistCreator(services);

    public PlaylistCreatorTest() {
        services.configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    assertEquals("getFactoryConfiguration", method.getName());
                    return configuration(args[0] + "~" + args[1]);
                });
    }

    @SuppressWarnings("unchecked")
    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> saved.get(pid);
                    case "getPid" -> pid;
                    case "update" -> saved.put(pid, (Dictionary<String, Object>) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private int create(String json) {
        return creator.create(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).status();
    }

    @Test
    public void createsANamedFactoryConfigurationOnceByPath() {
        assertEquals(201, create("{\"path\":\"channel1\",\"items\":[\"/a.mp4\",\"b.mov\"],\"mode\":\"loop\"}"));

        Dictionary<String, Object> props = saved.get("org.tributary.live.playlist~channel1");
        assertEquals("channel1", props.get("path"));
        assertEquals("/a.mp4;/b.mov", props.get("items"));
        assertEquals("loop", props.get("mode"));
        assertEquals(409, create("{\"path\":\"channel1\",\"items\":[\"/a.mp4\"]}"));
    }

    @Test
    public void refusesBadRequestsWithoutSavingAnything() {
        assertEquals(400, create("{\"path\":\"../etc\",\"items\":[\"/a.mp4\"]}"));
        assertEquals(400, create("{\"path\":\"c1\",\"items\":[]}"));
        assertEquals(400, create("{\"path\":\"c1\",\"items\":[\"/a.mp4\"],\"mode\":\"shuffle\"}"));
        assertEquals(400, create("not json"));
        assertEquals(0, saved.size());
    }
}
