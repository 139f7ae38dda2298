package com.admitone.server.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;

/** Stores instants as UTC epoch milliseconds, the same on SQLite and PostgreSQL. */
@Converter(autoApply = true)
public class InstantMillisConverter implements AttributeConverter<Instant, Long> {
    /** The instants the server takes from clients: the years 0000 to 9999, well inside what epoch milliseconds hold. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public static boolean supports(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
