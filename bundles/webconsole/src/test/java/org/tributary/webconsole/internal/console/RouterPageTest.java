package org.tributary.webconsole.internal.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.api.ApiRouter;
import org.tributary.webconsole.internal.model.Services;

public class RouterPageTest {

    /** The router, recording what the pages ask of it. */
    private static final class Recorder extends ApiRouter {
        final List<String> calls = new ArrayList<>();

        Recorder() {
            super((Services) Proxy.newProxyInstance(RouterPageTest.class.getClassLoader(),
                    new Class<?>[] {Services.class}, (proxy, method, args) -> null));
        }

        @Override
        public ApiResponse handle(String method, String path, Map<String, String> params, InputStream body) {
            calls.add(method + " " + path + " " + params);
            return ApiResponse.ok("{\"sessions\":[]}");
        }
    }

    private final Recorder router = new Recorder();
    private final SessionsPage sessions = new SessionsPage(router);

    private FakeHttp call(String method, String path, String query, Map<String, String> headers) throws Exception {
        FakeHttp http = new FakeHttp(method, path, query, headers);
        sessions.service(http.request, http.response);
        return http;
    }

    @Test
    public void readsItsDataFromTheRouterWithTheQuery() throws Exception {
        FakeHttp http = call("GET", "/tributary-sessions/sessions.json", "path=%2Flive&address=127.0.0.1&path=x", Map.of());

        assertEquals(200, http.status);
        assertEquals("{\"sessions\":[]}", http.text());
        assertEquals(List.of("GET sessions {path=/live, address=127.0.0.1}"), router.calls);
    }

    @Test
    public void readsOnlyWhatThePageShows() throws Exception {
        FakeHttp http = call("GET", "/tributary-sessions/status.json", null, Map.of());

        assertEquals(404, http.status);
        assertEquals(List.of(), router.calls);
    }

    @Test
    public void forwardsItsActionsPastTheCsrfCheck() throws Exception {
        FakeHttp http = call("DELETE", "/tributary-sessions/api/sessions/42", null, Map.of("X-Tributary-Request", "1"));

        assertEquals(200, http.status);
        assertEquals(List.of("DELETE sessions/42 {}"), router.calls);
    }

    @Test
    public void refusesAnActionWithoutTheCsrfHeaderOrFromAnotherSite() throws Exception {
        assertEquals(403, call("DELETE", "/tributary-sessions/api/sessions/42", null, Map.of()).status);
        assertEquals(403, call("DELETE", "/tributary-sessions/api/sessions/42", null,
                Map.of("Origin", "http://evil.example", "Host", "127.0.0.1:8181")).status);
        assertEquals(List.of(), router.calls);
    }

    @Test
    public void refusesActionsOfOtherPages() throws Exception {
        FakeHttp http = call("POST", "/tributary-sessions/api/service/stop", null, Map.of("X-Tributary-Request", "1"));

        assertEquals(404, http.status);
        assertEquals(List.of(), router.calls);
    }

    @Test
    public void drawsThePageFromItsTemplateAndScriptsWithoutData() throws Exception {
        FakeHttp http = call("GET", "/tributary-sessions", null, Map.of());

        String page = http.text();
        assertTrue(page, page.contains("<div id='tributary' data-page='tributary-sessions'"
                + " data-root='/system/console/tributary-sessions'>"));
        assertTrue(page, page.contains("id=\"sessions-rows\""));
        assertTrue(page, page.contains("src='/system/console/tributary-sessions/res/tributary/tributary.js'"));
        assertTrue(page, page.contains("src='/system/console/tributary-sessions/res/tributary/tributary-sessions.js'"));
        assertEquals(List.of(), router.calls);
    }
}
