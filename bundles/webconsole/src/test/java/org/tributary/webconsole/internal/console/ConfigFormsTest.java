package org.tributary.webconsole.internal.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

public class ConfigFormsTest {

    private final List<String> filters = new ArrayList<>();

    /** Configurations as Configuration Admin holds them: a saved rtsp singleton and two relays. */
    private final Map<String, Configuration[]> stored = Map.of(
            "(service.pid=org.tributary.rtsp)", new Configuration[] {config("org.tributary.rtsp", null, "554")},
            "(service.factoryPid=org.tributary.live.relay)", new Configuration[] {
                config("org.tributary.live.relay~b", "org.tributary.live.relay", "x"),
                config("org.tributary.live.relay~a", "org.tributary.live.relay", "y")});

    private final ConfigurationAdmin admin = proxy(ConfigurationAdmin.class, (name, args) -> {
        if (name.equals("listConfigurations")) {
            filters.add((String) args[0]);
            return stored.get((String) args[0]);
        }
        return null;
    });

    @Test
    public void listsTributarySingletonsAndEveryFactoryInstanceWithTheirMetatype() throws Exception {
        MetaTypeInformation info = proxy(MetaTypeInformation.class, (name, args) -> switch (name) {
            case "getPids" -> new String[] {"org.tributary.rtsp", "org.tributary.mp3", "org.apache.karaf.shell"};
            case "getFactoryPids" -> new String[] {"org.tributary.live.relay"};
            case "getObjectClassDefinition" -> definition((String) args[0]);
            default -> null;
        });
        MetaTypeService metaTypes = proxy(MetaTypeService.class, (name, args) -> info);
        Bundle bundle = proxy(Bundle.class, (name, args) -> null);

        List<ConfigForms.Form> forms = new ConfigForms(admin, metaTypes).all(new Bundle[] {bundle});

        assertEquals(List.of("org.tributary.live.relay~a", "org.tributary.live.relay~b", "org.tributary.mp3",
                "org.tributary.rtsp"), forms.stream().map(ConfigForms.Form::pid).toList());
        assertEquals("org.tributary.live.relay", forms.get(0).factoryPid());
        assertEquals("y", forms.get(0).properties().get("value"));
        assertNull("no configuration yet: its defaults apply", forms.get(2).properties());
        assertEquals("definition of org.tributary.mp3", forms.get(2).definition().getName());
        assertEquals("554", forms.get(3).properties().get("value"));
    }

    @Test
    public void updatesTheConfigurationThatExistsAndCreatesAnUnboundOneOtherwise() throws Exception {
        ConfigForms forms = new ConfigForms(admin, null);
        Configuration saved = forms.configuration(new ConfigForms.Form("org.tributary.rtsp", null, null, null));
        assertEquals("org.tributary.rtsp", saved.getPid());

        List<Object[]> created = new ArrayList<>();
        ConfigurationAdmin empty = proxy(ConfigurationAdmin.class, (name, args) -> {
            if (name.equals("getConfiguration")) {
                created.add(args);
                return config((String) args[0], null, "new");
            }
            return null;
        });
        new ConfigForms(empty, null).configuration(new ConfigForms.Form("org.tributary.mp3", null, null, null));
        assertEquals("bound to no bundle, so the component that reads it gets it", 1, created.size());
        assertEquals(List.of("org.tributary.mp3", "null"), List.of(String.valueOf(created.get(0)[0]),
                String.valueOf(created.get(0)[1])));
    }

    private static ObjectClassDefinition definition(String pid) {
        return proxy(ObjectClassDefinition.class, (name, args) -> switch (name) {
            case "getName" -> "definition of " + pid;
            case "getAttributeDefinitions" -> new AttributeDefinition[] {
                FakeAttribute.of("value", AttributeDefinition.STRING)};
            default -> null;
        });
    }

    private static Configuration config(String pid, String factoryPid, String value) {
        Dictionary<String, Object> properties = new Hashtable<>(Map.of("value", value));
        return proxy(Configuration.class, (name, args) -> switch (name) {
            case "getPid" -> pid;
            case "getFactoryPid" -> factoryPid;
            case "getProperties" -> properties;
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(ConfigFormsTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> method.getName().equals("toString") ? type.getSimpleName()
                        : answer.answer(method.getName(), args)));
    }
}
