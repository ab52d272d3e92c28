package dev.momentum.auth.application.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployer's environment variables as each module reads its own settings from them: every
 * value that cannot be used becomes a problem in one list, so that all of them are reported at once.
 */
public final class SettingsReader {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
    private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS,
            "ms", ChronoUnit.MILLIS, "", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
            "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The value, stripped; empty when unset or blank. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Off only for {@code false} when on by default; on only for {@code true} when off by default. */
    public boolean flag(String name, boolean fallback) {
        return text(name).map(value -> fallback ? !"false".equalsIgnoreCase(value) : "true".equalsIgnoreCase(value))
                .orElse(fallback);
    }

    public int integer(String name, int fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            problem(name + " must be a number, not '" + value.get() + "'");
            return fallback;
        }
    }

    /** 500ms, 5s, 10m, 23h, 7d or ISO-8601 (PT5S); positive. */
    public Duration duration(String name, Duration fallback) {
        return duration(name, fallback, false);
    }

    /** As {@link #duration}, or zero (0s) for "off". */
    public Duration durationOrZero(String name, Duration fallback) {
        return duration(name, fallback, true);
    }

    private Duration duration(String name, Duration fallback, boolean zeroAllowed) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<Duration> duration = parseDuration(value.get())
                .filter(parsed -> !parsed.isNegative() && (zeroAllowed || !parsed.isZero()));
        if (duration.isEmpty()) {
            problem(name + " must be a " + (zeroAllowed ? "" : "positive ")
                    + "duration such as 5s, 10m or 1h, not '" + value.get() + "'");
        }
        return duration.orElse(fallback);
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String name) {
        return text(name).map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public void problem(String description) {
        problems.add(description);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Spring Boot's two duration styles: {@code 10s} (milliseconds without a unit) and ISO-8601. */
    public static Optional<Duration> parseDuration(String text) {
        String value = text.strip();
        Matcher simple = SIMPLE_DURATION.matcher(value);
        if (simple.matches()) {
            ChronoUnit unit = UNITS.get(simple.group(2).toLowerCase(Locale.ROOT));
            return unit == null ? Optional.empty() : Optional.of(Duration.of(Long.parseLong(simple.group(1)), unit));
        }
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}
