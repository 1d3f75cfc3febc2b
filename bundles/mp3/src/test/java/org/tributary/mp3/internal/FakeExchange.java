package org.tributary.mp3.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.ResponseStream;

/** An exchange without a network: runs everything on the caller's thread and records the answer. */
final class FakeExchange implements HttpExchange, ResponseStream {

    private final String method;
    private final String path;
    private final String query;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final List<Runnable> closeActions = new ArrayList<>();
    private final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    private InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40000);
    volatile int status;
    volatile Map<String, String> responseHeaders;
    volatile byte[] body;
    volatile BodyReceiver receiver;
    volatile boolean closed;
    volatile boolean writable = true;
    Runnable onWritable;
    int writes;

    FakeExchange(String method, String target) {
        this.method = method;
        int q = target.indexOf('?');
        this.path = q < 0 ? target : target.substring(0, q);
        this.query = q < 0 ? "" : target.substring(q + 1);
    }

    FakeExchange header(String name, String value) {
        headers.add(new AbstractMap.SimpleEntry<>(name, value));
        return this;
    }

    FakeExchange basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    FakeExchange from(String host, int port) {
        remote = new InetSocketAddress(host, port);
        return this;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    byte[] streamed() {
        synchronized (streamed) {
            return streamed.toByteArray();
        }
    }

    /** Lets the stream drain: writable again, and the drain action runs. */
    void drain() {
        writable = true;
        onWritable.run();
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public String protocolVersion() {
        return ICY_LOGIN.equals(method) ? ICY_LOGIN : "HTTP/1.1";
    }

    @Override
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public InetSocketAddress local() {
        return new InetSocketAddress("127.0.0.1", 8000);
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public void respond(int code, Map<String, String> responseHeaders, byte[] responseBody) {
        this.responseHeaders = responseHeaders;
        this.body = responseBody;
        this.status = code;
        close();
    }

    @Override
    public ResponseStream stream(int code, Map<String, String> responseHeaders) {
        this.responseHeaders = responseHeaders;
        this.status = code;
        return this;
    }

    @Override
    public void receive(BodyReceiver bodyReceiver) {
        this.status = 200;
        this.receiver = bodyReceiver;
    }

    @Override
    public void onClose(Runnable action) {
        if (closed) {
            action.run();
        } else {
            closeActions.add(action);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeActions.forEach(Runnable::run);
            if (receiver != null) {
                receiver.ended(null);
            }
        }
    }

    @Override
    public boolean write(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        synchronized (streamed) {
            streamed.writeBytes(bytes);
        }
        writes++;
        return writable;
    }

    @Override
    public boolean writable() {
        return writable && !closed;
    }

    @Override
    public void onWritable(Runnable action) {
        onWritable = action;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }
}
