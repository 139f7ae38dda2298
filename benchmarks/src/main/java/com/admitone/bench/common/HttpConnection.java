package com.admitone.bench.common;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread at a time, blocking. A load driver with a
 * thread per connection and this costs a small fraction of the CPU that {@code java.net.http.HttpClient}
 * spends per request (measured here against the server: about 0.02-0.1 ms against about 0.7 ms), which
 * matters when the driver and the server share two cores. It speaks just enough HTTP for a JSON
 * API: Content-Length and chunked bodies, {@code Connection: close}, reconnecting when the server
 * closed the connection.
 */
public final class HttpConnection implements Closeable {
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[] hostHeader;
    private volatile String bearer;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public HttpConnection(URI base, Duration timeout) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.timeoutMillis = (int) timeout.toMillis();
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sent as {@code Authorization: Bearer <token>} with every request from now on. */
    public HttpConnection bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** A status and the raw body. */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Response get(String path) throws IOException {
        return exchange("GET", path, null);
    }

    public Response post(String path, byte[] json) throws IOException {
        return exchange("POST", path, json);
    }

    /**
     * Sends one request and reads the whole answer. On an I/O error the connection is closed (the
     * next call opens a new one) and the error is thrown: the request may or may not have reached
     * the server, so only idempotent requests should be repeated.
     */
    public Response exchange(String method, String path, byte[] body) throws IOException {
        boolean fresh = socket == null;
        try {
            if (fresh) {
                open();
            }
            return send(method, path, body);
        } catch (IOException e) {
            close();
            if (!fresh && e instanceof EOFException && method.equals("GET")) {
                // The server closed an idle keep-alive connection before our request: one new try.
                open();
                try {
                    return send(method, path, body);
                } catch (IOException again) {
                    close();
                    throw again;
                }
            }
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
    }

    private Response send(String method, String path, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(160);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(hostHeader);
        head.setLength(0);
        head.append("Accept: application/json\r\n");
        String token = bearer;
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read(method);
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] body;
        if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if (chunked) {
            body = chunks();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return all.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("a chunk ended early");
            }
            all.write(chunk);
            line();
        }
    }

    private final StringBuilder lineBuffer = new StringBuilder(128);

    private String line() throws IOException {
        lineBuffer.setLength(0);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c == '\n') {
                int end = lineBuffer.length();
                if (end > 0 && lineBuffer.charAt(end - 1) == '\r') {
                    lineBuffer.setLength(end - 1);
                }
                return lineBuffer.toString();
            }
            lineBuffer.append((char) c);
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
