package dev.momentum.auth.bootstrap.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * What springdoc cannot see in the controllers (ADR-0035): the title, the error body every
 * failure has, the bearer token the admin API takes, and the routes that are functions (the
 * probes, the document itself). The server is the default address; the service serves the document
 * with its own public URL instead.
 */
@AutoConfiguration
public class OpenApiDocument implements OpenApiCustomizer {

    static final String ADMIN_TOKEN = "adminToken";
    static final String DEFAULT_SERVER = "http://localhost:3002";

    @Override
    public void customise(OpenAPI document) {
        document.info(new Info().title("Auth service API")
                        .description("better-auth's email and password API under /api/auth, the JWKS and discovery "
                                + "documents, probes, and the admin API under /api/admin.")
                        .version("1"))
                .servers(List.of(new Server().url(DEFAULT_SERVER)));
        document.getPaths()
                .addPathItem("/livez", get("liveness", "200 while the process is alive, whatever the database does",
                        "alive, in the actuator's shape"))
                .addPathItem("/readyz", get("readiness",
                        "200 while accepting traffic with the database up and this build's schema; else 503", "ready"))
                .addPathItem("/api/openapi.json", get("openApiDocument", "this document", "the OpenAPI document"));
        document.getPaths().get("/readyz").getGet().getResponses().addApiResponse("503",
                new ApiResponse().description("not ready: the components say why"));
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.components(components
                .addSchemas("Error", new Schema<Map<String, String>>().type("object")
                        .addProperty("code", new Schema<String>().type("string").description("a stable code, e.g. INVALID_EMAIL_OR_PASSWORD"))
                        .addProperty("message", new Schema<String>().type("string"))
                        .required(List.of("code", "message")))
                .addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("a JWT from GET /api/auth/token whose role claim is admin")));
        ApiResponse error = new ApiResponse().description("an error: {code, message}")
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Error"))));
        document.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.content(error.getContent());
                }
            });
            operation.getResponses().addApiResponse("4XX", error).addApiResponse("5XX", error);
            if (path.startsWith("/api/admin/")) {
                operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_TOKEN));
            }
        }));
    }

    private static PathItem get(String operationId, String summary, String answer) {
        return new PathItem().get(new Operation().operationId(operationId).summary(summary)
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description(answer))));
    }
}
