package dev.momentum.auth.application.oauth.port.in;

/**
 * A resource server tokens may be issued for.
 *
 * @param configured listed by {@code OAUTH_RESOURCES}, so not removable through the admin API
 */
public record OAuthResourceResult(String resource, boolean configured) {
}
