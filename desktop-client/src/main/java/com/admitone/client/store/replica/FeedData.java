package com.admitone.client.store.replica;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Typed reads of one change's JSON object, tolerant of how Jackson chose to represent numbers. */
final class FeedData {
    private final Map<String, Object> data;

    FeedData(Map<String, Object> data) {
        this.data = data == null ? Map.of() : data;
    }

    String string(String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    Long optionalLong(String key) {
        Object value = data.get(key);
        if (value == null) {
            return null;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    long longValue(String key) {
        Long value = optionalLong(key);
        if (value == null) {
            throw new IllegalArgumentException("change has no " + key);
        }
        return value;
    }

    int intValue(String key, int fallback) {
        Long value = optionalLong(key);
        return value == null ? fallback : value.intValue();
    }

    double doubleValue(String key) {
        Object value = data.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    boolean bool(String key) {
        Object value = data.get(key);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    Instant instant(String key) {
        Object value = data.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            // Jackson writes an Instant as seconds with a fraction when asked for timestamps.
            double seconds = n.doubleValue();
            return Instant.ofEpochSecond((long) Math.floor(seconds), (long) ((seconds - Math.floor(seconds)) * 1e9));
        }
        return Instant.parse(value.toString());
    }

    /** A list of {areaId, quantity} objects as "areaId:quantity,…". */
    String areaPlaces(String key) {
        Object value = data.get(key);
        if (!(value instanceof Collection<?> values)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object item : values) {
            if (item instanceof Map<?, ?> m && m.get("areaId") != null) {
                Object quantity = m.get("quantity") != null ? m.get("quantity") : m.get("places");
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(m.get("areaId")).append(':').append(quantity == null ? 0 : quantity);
            }
        }
        return text.toString();
    }

    String joined(String key) {
        Object value = data.get(key);
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).sorted().toList());
        }
        return value == null ? "" : value.toString();
    }
}
