package com.admitone.server.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Serves the OpenAPI document and a browsable page for it (Swagger UI from its webjar, no network needed). */
public final class ApiDocs {
    private final byte[] document;
    private final String page;

    public ApiDocs() {
        this.document = resource("/openapi.json");
        String swaggerVersion = webjarVersion();
        this.page = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>AdmitOne sync server API</title>
                  <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="api"></div>
                  <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
                  <script>SwaggerUIBundle({url: '/openapi.json', dom_id: '#api'});</script>
                </body>
                </html>
                """.formatted(swaggerVersion);
    }

    public void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    public void page(Context ctx) {
        ctx.html(page);
    }

    public byte[] documentBytes() {
        return document.clone();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
