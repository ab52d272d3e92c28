package dev.momentum.auth.adapter.web.account;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.operations.StatusResponse;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.account.port.in.UpdateUserUseCase;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's profile (better-auth {@code update-user.mjs}). The body is read as a map:
 * an absent {@code image} keeps the picture, {@code "image": null} removes it.
 */
@RestController
@RequestMapping(AuthApiSettings.BASE_PATH)
public final class UserController {

    private final UpdateUserUseCase updateUser;
    private final SessionCredentials credentials;

    UserController(UpdateUserUseCase updateUser, SessionCredentials credentials) {
        this.updateUser = updateUser;
        this.credentials = credentials;
    }

    @PostMapping("/update-user")
    Mono<StatusResponse> updateUser(@RequestBody(required = false) Map<String, Object> request,
                                    ServerWebExchange exchange) {
        Map<String, Object> body = request == null ? Map.of() : request;
        Optional<String> name = body.containsKey("name") ? Optional.of(text(body, "name", false)) : Optional.empty();
        Optional<Optional<String>> image = body.containsKey("image")
                ? Optional.of(Optional.ofNullable(text(body, "image", true)))
                : Optional.empty();
        return updateUser.updateUser(new UpdateUserCommand(credentials.token(exchange.getRequest()).orElse(null), name,
                        image, body.containsKey("email")))
                .thenReturn(StatusResponse.TRUE);
    }

    private static String text(Map<String, Object> body, String field, boolean nullable) {
        Object value = body.get(field);
        if (value instanceof String string || value == null && nullable) {
            return (String) value;
        }
        throw HttpProblem.invalidInput("[body." + field + "] Invalid input: expected string" + (nullable ? " or null" : ""));
    }
}
