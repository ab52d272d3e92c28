package dev.momentum.auth.adapter.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates as JavaScript's {@code Date.toJSON()} writes them, which better-auth's client parses back into dates. */
public final class JsonDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private JsonDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
