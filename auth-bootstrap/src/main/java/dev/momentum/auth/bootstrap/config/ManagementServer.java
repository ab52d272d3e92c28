package dev.momentum.auth.bootstrap.config;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The probes and the Prometheus metrics, and nothing else, on {@code MANAGEMENT_PORT} when it is
 * set: for platforms that check health and scrape on a port the public never reaches (ADR-0030,
 * ADR-0033). It starts with the service and stops after it has drained.
 */
final class ManagementServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final Optional<Integer> port;
    private final RouterFunction<ServerResponse> served;
    private DisposableServer server;

    /** @param served what the port answers; anything else is a JSON 404 */
    ManagementServer(Optional<Integer> port, RouterFunction<ServerResponse> served) {
        this.port = port;
        this.served = served;
    }

    @Override
    public void start() {
        port.ifPresent(number -> {
            var routes = served.andRoute(all(), request -> ServerResponse.status(HttpStatus.NOT_FOUND)
                    .bodyValue(Map.of("code", "NOT_FOUND", "message", "Not Found")));
            server = HttpServer.create().port(number)
                    .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                    .bindNow();
            LOG.info("Probes and metrics on management port {}: /livez, /readyz, /metrics", server.port());
        });
    }

    @Override
    public void stop() {
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(2));
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
