package dev.momentum.auth.adapter.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail;
import dev.momentum.auth.application.error.FailureDetail.AdminRefusal;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.error.FailureDetail.InvalidField;
import dev.momentum.auth.application.error.HashingOverloadedException;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.error.StorageUnavailableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.json.JsonMapper;

/** The one place where every failure becomes a status and {@code {code, message}} (ADR-0009). */
class JsonErrorWebExceptionHandlerTest {

    final JsonErrorWebExceptionHandler handler = new JsonErrorWebExceptionHandler(JsonMapper.builder().build());

    @Test
    void describeWhenAnyAuthErrorThenItsCodeAndMessageWithAStatusBelowFiveHundredOrA503() {
        assertThat(Arrays.stream(AuthError.values())).allSatisfy(error -> {
            var problem = JsonErrorWebExceptionHandler.describe(new AuthException(error));
            assertThat(problem.code()).isEqualTo(error.name());
            assertThat(problem.message()).isEqualTo(AuthErrorHttpMapper.messageOf(error));
            assertThat(problem.status().value()).as(error.name())
                    .satisfiesAnyOf(status -> assertThat(status).isBetween(400, 499),
                            status -> assertThat(status).isEqualTo(503));
        });
    }

    @Test
    void describeWhenTheUseCaseSaysWhatWasWrongThenBetterAuthsWordsForItUnderTheCode() {
        Map<FailureDetail, String> wording = Map.of(
                new InvalidField("password", Defect.MISSING), "[body.password] Invalid input: expected string, received undefined",
                new InvalidField("token", Defect.NOT_A_TOKEN), "[body.token] Invalid input: expected a token",
                new InvalidField("email", Defect.NOT_AN_EMAIL_ADDRESS), "[body.email] Invalid email address",
                new InvalidField("name", Defect.MALFORMED), "[body.name] Invalid name",
                new InvalidField("reason", Defect.TOO_LONG, 200), "[body.reason] at most 200 characters",
                new InvalidField("role", Defect.NOT_A_ROLE), "[body.role] must be admin or user",
                AdminRefusal.UNKNOWN_USER, "User not found",
                AdminRefusal.OWN_ACCOUNT, "Administrators cannot do this to their own account");
        assertThat(wording.keySet().stream().map(detail -> detail instanceof InvalidField field ? field.defect() : detail))
                .as("every kind of detail is worded here").containsAll(EnumSet.allOf(Defect.class))
                .containsAll(EnumSet.allOf(AdminRefusal.class));

        assertThat(wording).allSatisfy((detail, message) -> {
            var problem = JsonErrorWebExceptionHandler.describe(new AuthException(AuthError.VALIDATION_ERROR, detail));
            assertThat(problem.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(problem.message()).isEqualTo(message);
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        });
    }

    @Test
    void describeWhenBetterAuthsErrorsThenBetterAuthsStatuses() {
        assertThat(statusOf(AuthError.INVALID_EMAIL_OR_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf(AuthError.INVALID_EMAIL)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(AuthError.EMAIL_NOT_VERIFIED)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statusOf(AuthError.INVALID_PASSWORD)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(statusOf(AuthError.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(statusOf(AuthError.SESSION_NOT_FRESH)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statusOf(AuthError.INVALID_CODE)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf(AuthError.INVALID_TWO_FACTOR_COOKIE)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOf(AuthError.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE)).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void describeWhenInfrastructureFailsThenServiceUnavailableOrTooManyRequests() {
        assertThat(JsonErrorWebExceptionHandler.describe(new StorageUnavailableException("down", null)))
                .extracting(JsonErrorWebExceptionHandler.Problem::status, JsonErrorWebExceptionHandler.Problem::code)
                .containsExactly(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE");
        assertThat(JsonErrorWebExceptionHandler.describe(new HashingOverloadedException("busy")))
                .extracting(JsonErrorWebExceptionHandler.Problem::status, JsonErrorWebExceptionHandler.Problem::code)
                .containsExactly(HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED");
        assertThat(JsonErrorWebExceptionHandler.describe(new RateLimitedException(Duration.ofSeconds(7))).status())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void describeWhenTheFrameworkRefusesThenItsStatusAndNothingOfTheRequestEchoed() {
        var notFound = JsonErrorWebExceptionHandler.describe(new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No route for /api/auth/<script>"));
        assertThat(notFound.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notFound.message()).isEqualTo("Not Found").doesNotContain("<script>");
        assertThat(JsonErrorWebExceptionHandler.describe(new UnsupportedMediaTypeStatusException("text/plain")).code())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(JsonErrorWebExceptionHandler.describe(new IllegalStateException("wrapped",
                new DataBufferLimitException("too big"))).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void describeWhenABugThenA500ThatSaysNothingOfIt() {
        var problem = JsonErrorWebExceptionHandler.describe(new NullPointerException("secret detail"));

        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.code()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(problem.message()).isEqualTo("Something went wrong");
    }

    @Test
    void handleWhenRateLimitedThenJsonNoStoreAndBothRetryHeaders() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/sign-in/email"));

        handler.handle(exchange, new RateLimitedException(Duration.ofSeconds(7))).block();

        var response = exchange.getResponse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(response.getHeaders().getFirst("X-Retry-After")).isEqualTo("7");
        assertThat(response.getBodyAsString().block()).startsWith("{\"code\":\"").contains("\"message\":");
    }

    @Test
    void handleWhenTheDatabaseIsDownThenA503WithRetryAfterAndTheCodeInJson() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/auth/get-session"));

        handler.handle(exchange, new StorageUnavailableException("down", null)).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"" + AuthErrorHttpMapper.messageOf(AuthError.SERVICE_UNAVAILABLE) + "\"}");
    }

    private static HttpStatus statusOf(AuthError error) {
        return (HttpStatus) JsonErrorWebExceptionHandler.describe(new AuthException(error)).status();
    }
}
