package dev.momentum.auth.adapter.web.operations;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/openapi.json}: the OpenAPI document springdoc generated from the controllers in
 * the tests (OpenApiContractIT keeps it equal to the code), with this deployment's public URL as
 * its server (ADR-0035). Read once at start: the event loop never touches the class path.
 */
public final class OpenApiDocumentRoute {

    static final String PATH = "/api/openapi.json";
    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    public OpenApiDocumentRoute(AuthApiSettings settings, JsonMapper json) {
        try (InputStream in = OpenApiDocumentRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            ObjectNode parsed = (ObjectNode) json.readTree(in);
            parsed.putArray("servers").addObject().put("url", settings.publicBaseUrl().toString());
            this.document = json.writeValueAsBytes(parsed);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(PATH, request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document)).build();
    }
}
