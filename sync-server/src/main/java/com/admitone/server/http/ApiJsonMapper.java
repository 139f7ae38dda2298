package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's Jackson mapping over the server's {@link ObjectMapper}, except that a request body of
 * just {@code null} is refused as bad input: Javalin's own mapper fails on it with a
 * NullPointerException, which would be a 500. Parse failures reach {@link ProblemResponses} as
 * the cause of an {@link UncheckedIOException}.
 */
public final class ApiJsonMapper implements JsonMapper {
    private final ObjectMapper mapper;
    private final JavalinJackson jackson;

    public ApiJsonMapper(ObjectMapper mapper) {
        this.mapper = mapper;
        this.jackson = new JavalinJackson(mapper, false);
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return jackson.toJsonString(obj, type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return jackson.toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        jackson.writeToOutputStream(stream, outputStream);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        try {
            return present(mapper.readValue(json, mapper.constructType(targetType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        try {
            return present(mapper.readValue(json, mapper.constructType(targetType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T present(T value) {
        if (value == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The body is null; send a JSON object.");
        }
        return value;
    }
}
