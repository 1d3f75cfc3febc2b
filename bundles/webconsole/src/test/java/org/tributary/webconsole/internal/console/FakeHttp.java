package org.tributary.webconsole.internal.console;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A request to the console and the response it gets, as plain proxies of the servlet interfaces. */
final class FakeHttp {

    final StringWriter body = new StringWriter();
    int status = 200;
    final HttpServletRequest request;
    final HttpServletResponse response;

    /**
     * @param method   the method
     * @param pathInfo the path below the console, such as {@code /tributary-sessions/sessions.json}
     * @param query    the query string, or null
     * @param headers  request headers
     */
    FakeHttp(String method, String pathInfo, String query, Map<String, String> headers) {
        request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/system/console";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getInputStream" -> new Body();
                    default -> null;
                });
        PrintWriter writer = new PrintWriter(body);
        response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getWriter" -> {
                            return writer;
                        }
                        case "setStatus", "sendError" -> status = (Integer) args[0];
                        default -> {
                            // headers and content type are not checked here
                        }
                    }
                    return null;
                });
    }

    String text() {
        return body.toString();
    }

    /** An empty request body. */
    private static final class Body extends ServletInputStream {
        private final ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
