package dev.momentum.auth.bootstrap.config;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;

import dev.momentum.auth.adapter.web.HealthProbes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The probes, and nothing else, on {@code MANAGEMENT_PORT} when it is set: for platforms that
 * check health on a port the public never reaches (ADR-0030). It starts with the service and
 * stops after it has drained.
 */
final class ManagementServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final Optional<Integer> port;
    private final HealthProbes probes;
    private DisposableServer server;

    ManagementServer(Optional<Integer> port, HealthProbes probes) {
        this.port = port;
        this.probes = probes;
    }

    @Override
    public void start() {
        port.ifPresent(number -> {
            var routes = probes.routes().andRoute(all(), request -> ServerResponse.status(HttpStatus.NOT_FOUND)
                    .bodyValue(Map.of("code", "NOT_FOUND", "message", "Not Found")));
            server = HttpServer.create().port(number)
                    .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                    .bindNow();
            LOG.info("Probes on management port {}: /livez, /readyz", server.port());
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
