package dev.momentum.auth.bootstrap.config;

import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * JSON log lines (Spring Boot's structured logging, Elastic Common Schema) when {@code LOG_FORMAT}
 * asks for them, which production does by default; plain text otherwise (ADR-0031).
 */
public final class LogFormat {

    private LogFormat() {
    }

    /** The Spring property that keeps the format once Spring starts. */
    public static Map<String, Object> springProperties(ServiceSettings settings) {
        return settings.jsonLogs()
                ? Map.of("logging.structured.format.console", "ecs", "logging.structured.ecs.service.name",
                "auth-service")
                : Map.of();
    }

    /**
     * Switches to JSON before the first line of the migration, which runs before Spring starts
     * and would otherwise print plain text.
     */
    public static void applyBeforeSpring(ServiceSettings settings) {
        if (!settings.jsonLogs()) {
            return;
        }
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("logFormat", springProperties(settings)));
        LoggingSystem logging = LoggingSystem.get(LogFormat.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    /**
     * Sends the JDK's platform logging, which the application ring logs through, to Logback, as
     * Spring would once it starts: for commands that end before Spring ever starts.
     */
    public static void routeJdkLoggingBeforeSpring() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
