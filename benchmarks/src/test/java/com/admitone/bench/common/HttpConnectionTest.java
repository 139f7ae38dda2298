package com.admitone.bench.common;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConnectionTest {
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/fixed", ex -> {
            calls.incrementAndGet();
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] out = ("{\"got\":" + new String(in, StandardCharsets.UTF_8) + ",\"auth\":\""
                    + ex.getRequestHeaders().getFirst("Authorization") + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked
            for (int i = 0; i < 3; i++) {
                ex.getResponseBody().write(("part" + i + "-").repeat(1000).getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
            }
            ex.close();
        });
        server.createContext("/close", ex -> {
            ex.getResponseHeaders().set("Connection", "close");
            byte[] out = "bye".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keepsTheConnectionAndReadsEveryKindOfBody() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (HttpConnection c = new HttpConnection(base, Duration.ofSeconds(5)).bearer("t0k")) {
            for (int i = 0; i < 50; i++) {
                HttpConnection.Response r = c.post("/fixed", ("[" + i + "]").getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.text()).isEqualTo("{\"got\":[" + i + "],\"auth\":\"Bearer t0k\"}");
            }
            HttpConnection.Response chunked = c.get("/chunked");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(chunked.text()).hasSize(3 * 6000).startsWith("part0-").endsWith("part2-");
            HttpConnection.Response closing = c.get("/close");
            assertThat(closing.status()).isEqualTo(503);
            assertThat(closing.text()).isEqualTo("bye");
            assertThat(c.get("/fixed").status()).isEqualTo(201); // reconnects by itself
        }
        assertThat(calls.get()).isEqualTo(51);
    }
}
