package dev.momentum.auth.application.audit.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Who is calling, carried in the Reactor context of a request: the web adapter writes it once, and
 * the audit trail reads it, so that no command has to carry the caller's address and user agent.
 */
public final class ClientContext {

    private ClientContext() {
    }

    public static Context with(Context context, ClientInfo client) {
        return context.put(ClientInfo.class, client);
    }

    public static ClientInfo of(ContextView context) {
        return context.getOrDefault(ClientInfo.class, ClientInfo.UNKNOWN);
    }
}
