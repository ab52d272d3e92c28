package dev.momentum.auth.adapter.web.operations;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.application.operations.port.in.CheckHealthQuery;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public final class StatusController {

    private final CheckHealthQuery health;

    StatusController(CheckHealthQuery health) {
        this.health = health;
    }

    @GetMapping(AuthApiSettings.BASE_PATH + "/ok")
    Map<String, Boolean> ok() {
        return Map.of("ok", true);
    }

    /** The route the service we replace had; 503 while the database cannot be reached. */
    @GetMapping("/health")
    Mono<ResponseEntity<HealthResponse>> health() {
        return health.check().map(result -> result.healthy()
                ? ResponseEntity.ok(new HealthResponse("ok", "up"))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthResponse("unavailable", "down")));
    }
}
