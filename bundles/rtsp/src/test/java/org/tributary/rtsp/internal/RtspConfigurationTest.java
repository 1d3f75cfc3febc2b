package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** A refused configuration is one line naming the key and its value. */
public class RtspConfigurationTest {

    /** A configuration with the metatype defaults, some replaced; a value that cannot convert throws as SCR does. */
    private static RtspServerConfig config(Map<String, Object> values) {
        return (RtspServerConfig) Proxy.newProxyInstance(RtspServerConfig.class.getClassLoader(),
                new Class<?>[] {RtspServerConfig.class}, (proxy, method, args) -> {
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (method.getReturnType() == int.class && value instanceof String text) {
                        return Integer.parseInt(text);
                    }
                    return value;
                });
    }

    private static String refusal(Map<String, Object> values) {
        return assertThrows(RtspConfiguration.Refused.class, () -> RtspConfiguration.of(config(values), values))
                .getMessage();
    }

    @Test
    public void aPortOutOfRangeIsNamedWithItsValue() {
        assertEquals("ports: 70000 is outside 1-65535", refusal(Map.of("ports", "554,70000")));
        assertEquals("ports: 'abc' is not a port number", refusal(Map.of("ports", "abc")));
    }

    @Test
    public void aValueThatCannotBeConvertedIsNamedWithItsKey() {
        assertEquals("sessionTimeout: 'soon' is not a whole number", refusal(Map.of("sessionTimeout", "soon")));
    }

    @Test
    public void anUnknownSchemeIsNamed() {
        assertEquals("authScheme: 'kerberos' is not digest, basic or both", refusal(Map.of("authScheme", "kerberos")));
    }

    @Test
    public void theDefaultsAreTheQtssPorts() throws RtspConfiguration.Refused {
        assertEquals(List.of(554, 7070, 8000, 8001), RtspConfiguration.defaults().settings().ports());
        assertEquals(RtspConfiguration.defaults(), RtspConfiguration.of(config(Map.of()), Map.of()));
    }

    @Test
    public void atStartOnlyTheRefusedSettingsTakeTheirDefaultsTheRestStaysAsConfigured() {
        Map<String, Object> values = Map.of("ports", "9554", "bindAddress", "127.0.0.1", "sessionTimeout", "soon",
                "nonceLifetime", 2, "maxConnections", -1, "authScheme", "kerberos");
        RtspConfiguration.Lenient lenient = RtspConfiguration.lenient(config(values), values);
        ServerSettings settings = lenient.configuration().settings();
        assertEquals("the configured port", List.of(9554), settings.ports());
        assertEquals("127.0.0.1", settings.bindAddress());
        ServerSettings defaults = RtspConfiguration.defaults().settings();
        assertEquals(defaults.sessionTimeout(), settings.sessionTimeout());
        assertEquals(defaults.nonceLifetime(), settings.nonceLifetime());
        assertEquals(defaults.maxConnections(), settings.maxConnections());
        assertEquals(defaults.authScheme(), settings.authScheme());
        assertEquals(Set.of("sessionTimeout", "nonceLifetime", "maxConnections", "authScheme"), lenient.defaulted());
        assertEquals(List.of("sessionTimeout: 'soon' is not a whole number",
                "nonceLifetime: 2 s is below the minimum of 10 s",
                "maxConnections: -1 must be 0 (no limit) or more",
                "authScheme: 'kerberos' is not digest, basic or both"), lenient.refusals());
    }

    @Test
    public void aRefusedPortListFallsBackToTheDefaultPortsOnly() {
        Map<String, Object> values = Map.of("ports", "554,70000", "sessionTimeout", 90);
        RtspConfiguration.Lenient lenient = RtspConfiguration.lenient(config(values), values);
        assertEquals(List.of(554, 7070, 8000, 8001), lenient.configuration().settings().ports());
        assertEquals(90, lenient.configuration().settings().sessionTimeout());
        assertEquals(List.of("ports: 70000 is outside 1-65535"), lenient.refusals());
    }

    @Test
    public void aGoodConfigurationIsTheSameLenientlyAndStrictly() throws RtspConfiguration.Refused {
        Map<String, Object> values = Map.of("ports", "9554", "sessionTimeout", 90);
        RtspConfiguration.Lenient lenient = RtspConfiguration.lenient(config(values), values);
        assertEquals(RtspConfiguration.of(config(values), values), lenient.configuration());
        assertEquals(List.of(), lenient.refusals());
        assertEquals(Set.of(), lenient.defaulted());
    }
}
