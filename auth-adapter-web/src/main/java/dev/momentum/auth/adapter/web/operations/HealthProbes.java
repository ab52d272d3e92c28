package dev.momentum.auth.adapter.web.operations;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.momentum.auth.application.operations.port.in.CheckHealthQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Kubernetes-style probes (ADR-0030), answered as Spring Boot's actuator answers them, without the
 * actuator: {@code /livez} while the process can serve at all; {@code /readyz} while it should
 * get traffic: started and not shutting down, its database answering and holding this build's
 * schema. Served on the service port, and on the management port when one is set.
 */
public final class HealthProbes {

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final CheckHealthQuery health;
    private final ApplicationAvailability availability;

    public HealthProbes(CheckHealthQuery health, ApplicationAvailability availability) {
        this.health = health;
        this.availability = availability;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(GET("/livez"), request -> liveness())
                .andRoute(GET("/readyz"), request -> readiness());
    }

    private Mono<ServerResponse> liveness() {
        return answer(Map.of("livenessState", availability.getLivenessState() == LivenessState.CORRECT));
    }

    private Mono<ServerResponse> readiness() {
        boolean accepting = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return Mono.zip(health.check(), health.isSchemaCurrent(), (database, schema) -> {
            Map<String, Boolean> components = new LinkedHashMap<>();
            components.put("database", database.databaseReachable());
            components.put("readinessState", accepting);
            components.put("schema", schema);
            return components;
        }).flatMap(HealthProbes::answer);
    }

    private static Mono<ServerResponse> answer(Map<String, Boolean> components) {
        boolean up = components.values().stream().allMatch(Boolean::booleanValue);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> statuses = new LinkedHashMap<>();
        components.forEach((name, componentUp) -> statuses.put(name, Map.of("status", componentUp ? UP : DOWN)));
        body.put("status", up ? UP : DOWN);
        body.put("components", statuses);
        return ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).bodyValue(body);
    }
}
