package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.SuccessResponse;
import dev.momentum.auth.application.oauth.port.in.AdministerOAuthClientsUseCase;
import dev.momentum.auth.application.oauth.port.in.OAuthResourceResult;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * OAuth clients and grants in the admin API (ADR-0034, ADR-0051): behind the same admin-token
 * chain as the rest of {@code /api/admin}; a client is written as RFC 7591 metadata.
 */
@RestController
@RequestMapping("/api/admin")
public final class OAuthAdminController {

    private final AdministerOAuthClientsUseCase clients;

    OAuthAdminController(AdministerOAuthClientsUseCase clients) {
        this.clients = clients;
    }

    @GetMapping("/oauth-clients")
    public Mono<List<Map<String, Object>>> list(@AuthenticationPrincipal Jwt token) {
        return clients.clients(administrator(token))
                .map(all -> all.stream().map(OAuthAdminController::adminViewOf).toList());
    }

    /** Any client, whatever the registration mode, client credentials included; 201 with its secret once. */
    @PostMapping("/oauth-clients")
    public Mono<ResponseEntity<Map<String, Object>>> create(@AuthenticationPrincipal Jwt token,
                                                            @RequestBody Map<String, Object> metadata) {
        return Mono.fromCallable(() -> ClientMetadataJson.commandOf(metadata, null))
                .flatMap(command -> clients.create(administrator(token), command))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                        .body(ClientMetadataJson.registered(created)));
    }

    @PostMapping("/oauth-clients/{clientId}/rotate-secret")
    public Mono<ResponseEntity<Map<String, Object>>> rotateSecret(@AuthenticationPrincipal Jwt token,
                                                                  @PathVariable String clientId) {
        return clients.rotateSecret(administrator(token), clientId)
                .map(rotated -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(ClientMetadataJson.registered(rotated)));
    }

    @PostMapping("/oauth-clients/{clientId}/disable")
    public Mono<SuccessResponse> disable(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
        return clients.setDisabled(administrator(token), clientId, true).thenReturn(new SuccessResponse(true));
    }

    @PostMapping("/oauth-clients/{clientId}/enable")
    public Mono<SuccessResponse> enable(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
        return clients.setDisabled(administrator(token), clientId, false).thenReturn(new SuccessResponse(true));
    }

    @DeleteMapping("/oauth-clients/{clientId}")
    public Mono<SuccessResponse> delete(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
        return clients.delete(administrator(token), clientId).thenReturn(new SuccessResponse(true));
    }

    /** Ends every live grant of the client: its refresh tokens stop working. */
    @DeleteMapping("/oauth-clients/{clientId}/grants")
    public Mono<Map<String, Long>> revokeClientGrants(@AuthenticationPrincipal Jwt token,
                                                      @PathVariable String clientId) {
        return clients.revokeGrants(administrator(token), Optional.empty(), Optional.of(clientId))
                .map(ended -> Map.of("revoked", ended));
    }

    /** Ends every live grant of the user, to any client. */
    @DeleteMapping("/users/{id}/oauth-grants")
    public Mono<Map<String, Long>> revokeUserGrants(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return clients.revokeGrants(administrator(token), Optional.of(new UserId(id)), Optional.empty())
                .map(ended -> Map.of("revoked", ended));
    }

    /** The resource servers tokens may be for: {@code [{resource, configured}]}, OAUTH_RESOURCES' first. */
    @GetMapping("/oauth-resources")
    public Mono<List<OAuthResourceResult>> resources(@AuthenticationPrincipal Jwt token) {
        return clients.resources(administrator(token));
    }

    /** One more resource server, beside those OAUTH_RESOURCES lists; 201. */
    @PostMapping("/oauth-resources")
    public Mono<ResponseEntity<SuccessResponse>> addResource(@AuthenticationPrincipal Jwt token,
                                                             @RequestBody ResourceRequest request) {
        return clients.addResource(administrator(token), request == null ? null : request.resource())
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(new SuccessResponse(true)));
    }

    /** A resource server added here; tokens already issued for it run out, no new ones are. */
    @DeleteMapping("/oauth-resources")
    public Mono<SuccessResponse> removeResource(@AuthenticationPrincipal Jwt token, @RequestParam String resource) {
        return clients.removeResource(administrator(token), resource).thenReturn(new SuccessResponse(true));
    }

    record ResourceRequest(String resource) {
    }

    private static Map<String, Object> adminViewOf(OAuthClient client) {
        Map<String, Object> view = new LinkedHashMap<>(ClientMetadataJson.metadataOf(client));
        view.put("registered_by", switch (client.origin()) {
            case ADMINISTRATOR -> "administrator";
            case DYNAMIC -> "client";
            case METADATA_DOCUMENT -> "metadata document";
        });
        view.put("disabled", client.disabled());
        return view;
    }

    private static UserId administrator(Jwt token) {
        return new UserId(token.getSubject());
    }
}
