package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * The OpenAPI document (ADR-0035) against the running service. springdoc (here only) generates it
 * from the controllers; the committed file the service serves must be exactly that. Every route
 * the service serves is documented with its method and every documented operation is served; and
 * the answers of real calls have a documented status and only documented fields. After a change to
 * the API, {@code -Dopenapi.write=true} rewrites the committed file for review.
 */
class OpenApiContractIT {

    private static final String PASSWORD = "documented passphrase 1";
    private static final Path COMMITTED = Path.of("../auth-adapter-web/src/main/resources/openapi.json");

    static DatabaseUrl database;
    static RunningService service;
    static Map<String, Object> document;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "ADMIN_EMAILS", "boss@example.com"));
        document = JsonPath.read(served(), "$");
    }

    static String served() {
        return service.client().get().uri("/api/openapi.json").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void documentWhenGeneratedFromTheControllersThenTheCommittedFileIsItAndTheServiceServesItWithItsOwnUrl()
            throws Exception {
        String generated = service.client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody().strip() + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, generated);
        }

        assertThat(Files.readString(COMMITTED)).as("the committed " + COMMITTED + " is what springdoc generates now; "
                + "rerun with -Dopenapi.write=true and review the change").isEqualTo(generated);
        Map<String, Object> expected = new LinkedHashMap<>(JsonPath.read(generated, "$"));
        expected.put("servers", List.of(Map.of("url", service.baseUrl())));
        assertThat(document).isEqualTo(expected);
    }

    @Test
    void documentWhenComparedWithTheRoutesServedThenEachDocumentedOperationIsServedAndEachServedRouteDocumented() {
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method ->
                documented.add(method.toUpperCase() + " " + path)));

        assertThat(documented).isEqualTo(servedRoutes());
        assertThat((String) JsonPath.read(document, "$.openapi")).startsWith("3.");
    }

    @Test
    void answersWhenRealCallsAreMadeThenTheirStatusAndFieldsAreDocumented() throws Exception {
        SignedIn boss = SignedIn.as(service, database, "boss@example.com", PASSWORD);
        String adminToken = OurTokens.tokenFrom(service, boss.bearer());
        List<String> problems = new ArrayList<>();
        Function<WebTestClient.RequestHeadersSpec<?>, EntityExchangeResult<String>> call = request ->
                request.exchange().expectBody(String.class).returnResult();

        check(problems, "GET", "/health", call.apply(service.client().get().uri("/health")));
        check(problems, "GET", "/livez", call.apply(service.client().get().uri("/livez")));
        check(problems, "GET", "/readyz", call.apply(service.client().get().uri("/readyz")));
        check(problems, "GET", "/api/auth/ok", call.apply(service.client().get().uri("/api/auth/ok")));
        check(problems, "GET", "/api/auth/jwks", call.apply(service.client().get().uri("/api/auth/jwks")));
        check(problems, "GET", "/.well-known/openid-configuration",
                call.apply(service.client().get().uri("/.well-known/openid-configuration")));
        check(problems, "POST", "/api/auth/sign-up/email", call.apply(service.client().post().uri("/api/auth/sign-up/email")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"name":"Ada","email":"ada@example.com","password":"%s"}""".formatted(PASSWORD))));
        check(problems, "POST", "/api/auth/sign-in/email", call.apply(service.client().post().uri("/api/auth/sign-in/email")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"email":"boss@example.com","password":"%s"}""".formatted(PASSWORD))));
        check(problems, "POST", "/api/auth/sign-in/email", call.apply(service.client().post().uri("/api/auth/sign-in/email")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"boss@example.com\",\"password\":\"wrong one 1\"}")));
        check(problems, "GET", "/api/auth/get-session", call.apply(bearer(HttpMethod.GET, "/api/auth/get-session", boss)));
        check(problems, "GET", "/api/auth/token", call.apply(bearer(HttpMethod.GET, "/api/auth/token", boss)));
        check(problems, "GET", "/api/auth/list-sessions", call.apply(bearer(HttpMethod.GET, "/api/auth/list-sessions", boss)));
        check(problems, "GET", "/api/auth/list-accounts", call.apply(bearer(HttpMethod.GET, "/api/auth/list-accounts", boss)));
        check(problems, "GET", "/api/auth/verify-email", call.apply(service.client().get()
                .uri("/api/auth/verify-email?token=unknown&callbackURL=/welcome")));
        check(problems, "GET", "/api/auth/reset-password/{token}", call.apply(service.client().get()
                .uri("/api/auth/reset-password/unknown?callbackURL=/reset")));
        check(problems, "GET", "/api/auth/error", call.apply(service.client().get().uri("/api/auth/error?error=INVALID_TOKEN")));
        check(problems, "GET", "/api/admin/users", call.apply(service.client().get().uri("/api/admin/users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)));
        check(problems, "GET", "/api/admin/audit-events", call.apply(service.client().get().uri("/api/admin/audit-events?limit=5")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)));
        check(problems, "POST", "/api/auth/sign-out", call.apply(bearer(HttpMethod.POST, "/api/auth/sign-out", boss)));

        assertThat(problems).isEmpty();
    }

    private static WebTestClient.RequestHeadersSpec<?> bearer(HttpMethod method, String path, SignedIn user) {
        return service.client().method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearer())
                .header(HttpHeaders.ORIGIN, service.baseUrl());
    }

    /** The answer's status is documented for the operation, and its fields are the documented schema's. */
    private static void check(List<String> problems, String method, String path, EntityExchangeResult<String> answer) {
        String operation = method + " " + path + " -> " + answer.getStatus().value();
        Map<String, Object> responses;
        try {
            responses = JsonPath.read(document, "$.paths['" + path + "']." + method.toLowerCase() + ".responses");
        } catch (RuntimeException undocumented) {
            problems.add(operation + ": operation not documented");
            return;
        }
        String status = String.valueOf(answer.getStatus().value());
        Object response = responses.containsKey(status) ? responses.get(status) : responses.get(status.charAt(0) + "XX");
        if (response == null) {
            problems.add(operation + ": status not documented (documented: " + responses.keySet() + ")");
            return;
        }
        Object schema = schemaOf(response);
        String body = answer.getResponseBody();
        if (schema == null || body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return;
        }
        Map<String, Object> json = JsonPath.read(body, "$");
        compare(problems, operation, "", json, schema);
    }

    private static Object schemaOf(Object response) {
        try {
            return JsonPath.read(response, "$.content['application/json'].schema");
        } catch (RuntimeException none) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static void compare(List<String> problems, String operation, String at, Map<String, Object> json,
                                Object schema) {
        Map<String, Object> resolved = resolve((Map<String, Object>) schema);
        Map<String, Object> properties = (Map<String, Object>) resolved.get("properties");
        if (properties == null) {
            return;
        }
        Set<String> extra = new HashSet<>(json.keySet());
        extra.removeAll(properties.keySet());
        if (!extra.isEmpty()) {
            problems.add(operation + ": fields " + new TreeSet<>(extra) + " at '" + at + "' are not documented");
        }
        json.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested && properties.get(name) instanceof Map<?, ?> nestedSchema) {
                compare(problems, operation, at + "." + name, (Map<String, Object>) nested, nestedSchema);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return resolve(JsonPath.read(document, "$.components.schemas['" + name + "']"));
    }

    /** METHOD path of every route the service serves, springdoc's own excepted. */
    private static Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        service.context().getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                        return;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as(handler + " names its methods").isNotEmpty();
                    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                        methods.forEach(method -> routes.add(method.name() + " " + pattern.getPatternString()));
                    }
                }));
        service.context().getBeansOfType(RouterFunctionMapping.class).values().forEach(mapping -> {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function != null) {
                function.accept(new RouteCollector(routes));
            }
        });
        return routes;
    }

    /** The method and path of each route of a router function. */
    private record RouteCollector(Set<String> routes) implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            Map<String, String> parts = new LinkedHashMap<>();
            predicate.accept(new RequestPredicates.Visitor() {
                @Override
                public void method(Set<HttpMethod> methods) {
                    parts.put("method", methods.iterator().next().name());
                }

                @Override
                public void path(String pattern) {
                    parts.put("path", pattern);
                }

                @Override public void pathExtension(String extension) { }
                @Override public void header(String name, String value) { }
                @Override public void queryParam(String name, String value) { }
                @Override public void version(String version) { }
                @Override public void startAnd() { }
                @Override public void and() { }
                @Override public void endAnd() { }
                @Override public void startOr() { }
                @Override public void or() { }
                @Override public void endOr() { }
                @Override public void startNegate() { }
                @Override public void endNegate() { }
                @Override public void unknown(RequestPredicate unknown) { }
            });
            routes.add(parts.get("method") + " " + parts.get("path"));
        }

        @Override public void startNested(RequestPredicate predicate) { }
        @Override public void endNested(RequestPredicate predicate) { }
        @Override public void resources(Function<ServerRequest, Mono<Resource>> lookup) { }
        @Override public void attributes(Map<String, Object> attributes) { }
        @Override public void unknown(RouterFunction<?> routerFunction) { }
    }
}
