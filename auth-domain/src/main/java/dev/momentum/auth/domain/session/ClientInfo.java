package dev.momentum.auth.domain.session;

/** Where a request came from, as far as the service can tell; both parts are nullable. */
public record ClientInfo(String ipAddress, String userAgent) {

    public static final int MAX_USER_AGENT_LENGTH = 512;
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
        }
    }
}
