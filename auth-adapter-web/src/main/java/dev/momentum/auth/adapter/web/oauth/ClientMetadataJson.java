package dev.momentum.auth.adapter.web.oauth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.oauth.port.in.RegisteredClientResult;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.RedirectUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client's metadata as RFC 7591 spells it, read from a registration and written back. */
final class ClientMetadataJson {

    private ClientMetadataJson() {
    }

    static RegisterClientCommand commandOf(Map<String, Object> metadata, String initialAccessToken) {
        return new RegisterClientCommand(read(metadata), initialAccessToken);
    }

    /** The metadata's fields; unknown ones are ignored, as the RFC allows; a wrong type is refused. */
    static ClientMetadata read(Map<String, Object> metadata) {
        return new ClientMetadata(strings(metadata, "redirect_uris"), text(metadata, "client_name"),
                text(metadata, "token_endpoint_auth_method"), strings(metadata, "grant_types"),
                strings(metadata, "response_types"), text(metadata, "scope"), text(metadata, "client_uri"),
                text(metadata, "logo_uri"), text(metadata, "jwks_uri"), publicKeys(metadata.get("jwks")),
                strings(metadata, "post_logout_redirect_uris"));
    }

    /** A JWK set of public keys only, as JSON text; a private key given away is refused, not stored. */
    private static String publicKeys(Object jwks) {
        if (jwks == null) {
            return null;
        }
        if (!(jwks instanceof Map<?, ?> set)) {
            throw new OAuthException(Code.INVALID_CLIENT_METADATA, "jwks must be a JWK set");
        }
        try {
            @SuppressWarnings("unchecked")
            JWKSet parsed = JWKSet.parse((Map<String, Object>) set);
            if (parsed.getKeys().isEmpty() || parsed.getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw new OAuthException(Code.INVALID_CLIENT_METADATA, "jwks must hold public keys, and only those");
            }
            return parsed.toString(true);
        } catch (java.text.ParseException | ClassCastException malformed) {
            throw new OAuthException(Code.INVALID_CLIENT_METADATA, "jwks must be a JWK set");
        }
    }

    /** RFC 7591 section 3.2.1: the metadata as registered, with the secret this once. */
    static Map<String, Object> registered(RegisteredClientResult registered) {
        Map<String, Object> body = metadataOf(registered.client());
        registered.secret().ifPresent(secret -> {
            body.put("client_secret", secret);
            body.put("client_secret_expires_at", 0);
        });
        return body;
    }

    static Map<String, Object> metadataOf(OAuthClient client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        body.put("client_id_issued_at", client.createdAt().getEpochSecond());
        body.put("client_name", client.name());
        body.put("redirect_uris", client.redirectUris().stream().map(RedirectUri::value).toList());
        if (!client.postLogoutRedirectUris().isEmpty()) {
            body.put("post_logout_redirect_uris", client.postLogoutRedirectUris().stream().map(RedirectUri::value)
                    .toList());
        }
        body.put("grant_types", client.grantTypes().stream().map(GrantType::wireName).sorted().toList());
        body.put("response_types", client.allows(GrantType.AUTHORIZATION_CODE) ? List.of("code") : List.of());
        body.put("token_endpoint_auth_method", client.authentication().wireName());
        if (!client.scopes().isEmpty()) {
            body.put("scope", client.scopes().value());
        }
        client.clientUri().ifPresent(uri -> body.put("client_uri", uri));
        client.logoUri().ifPresent(uri -> body.put("logo_uri", uri));
        client.keys().jwksUri().ifPresent(uri -> body.put("jwks_uri", uri));
        client.keys().jwks().ifPresent(jwks -> body.put("jwks", publicKeysAsMap(jwks)));
        return body;
    }

    private static Map<String, Object> publicKeysAsMap(String jwks) {
        try {
            return JWKSet.parse(jwks).toJSONObject(true);
        } catch (java.text.ParseException stored) {
            throw new IllegalStateException("a stored JWK set does not parse", stored);
        }
    }

    private static String text(Map<String, Object> metadata, String field) {
        Object value = metadata.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new OAuthException(Code.INVALID_CLIENT_METADATA, field + " must be a string");
    }

    private static List<String> strings(Map<String, Object> metadata, String field) {
        Object value = metadata.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new OAuthException(field.endsWith("redirect_uris") ? Code.INVALID_REDIRECT_URI
                : Code.INVALID_CLIENT_METADATA, field + " must be an array of strings");
    }
}
