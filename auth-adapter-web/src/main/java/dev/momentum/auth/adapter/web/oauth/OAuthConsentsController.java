package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.JsonDates;
import dev.momentum.auth.adapter.web.RequiredFields;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.oauth.port.in.ConsentResult;
import dev.momentum.auth.application.oauth.port.in.ManageConsentsUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A signed-in user's consents under better-auth oauth-provider's paths: a consent's {@code id} is
 * its client's id, as a user allows each client once.
 */
@RestController
public final class OAuthConsentsController {

    private final ManageConsentsUseCase consents;
    private final SessionCredentials credentials;

    OAuthConsentsController(ManageConsentsUseCase consents, SessionCredentials credentials) {
        this.consents = consents;
        this.credentials = credentials;
    }

    @GetMapping(AuthApiSettings.BASE_PATH + "/oauth2/get-consents")
    Mono<List<Map<String, Object>>> list(ServerWebExchange exchange) {
        return consents.consents(credentials.token(exchange.getRequest()).orElse(null))
                .map(all -> all.stream().map(OAuthConsentsController::jsonOf).toList());
    }

    /** Forgets the consent and ends the grants it led to. */
    @PostMapping(AuthApiSettings.BASE_PATH + "/oauth2/delete-consent")
    Mono<Map<String, Boolean>> delete(@RequestBody DeleteConsent body, ServerWebExchange exchange) {
        new RequiredFields().require("id", body.id()).check();
        return consents.withdraw(credentials.token(exchange.getRequest()).orElse(null), body.id())
                .thenReturn(Map.of("status", true));
    }

    record DeleteConsent(String id) {
    }

    private static Map<String, Object> jsonOf(ConsentResult consent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", consent.clientId());
        json.put("clientId", consent.clientId());
        json.put("clientName", consent.clientName());
        json.put("scopes", List.copyOf(consent.scopes().values()));
        json.put("updatedAt", JsonDates.format(consent.updatedAt()));
        return json;
    }
}
