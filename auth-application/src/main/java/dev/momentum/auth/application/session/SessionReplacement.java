package dev.momentum.auth.application.session;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.in.SignOutUseCase;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.User;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Starts a session in place of the one the client held: a sign-in (ASVS 5.0 7.2.4) and a change
 * of the user's second factor (better-auth rotates the session then). The new session and the end
 * of the old one commit together, or neither does.
 */
public final class SessionReplacement {

    private final SessionIssuer issuer;
    private final SignOutUseCase signOut;
    private final TransactionRunner transactions;
    private final UserLookup users;

    public SessionReplacement(SessionIssuer issuer, SignOutUseCase signOut, TransactionRunner transactions,
                              UserLookup users) {
        this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
        this.signOut = Objects.requireNonNull(signOut, "signOut cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
    }

    /** @param replaced the session the client held, or null: then this only starts one */
    public Mono<SessionResult> replace(BearerToken replaced, User user, boolean rememberMe, ClientInfo client) {
        Mono<SessionResult> start = issuer.start(user, rememberMe, client);
        if (replaced == null) {
            return start;
        }
        return transactions.inTransaction(() -> start.flatMap(started ->
                signOut.signOut(replaced).thenReturn(started)));
    }

    /**
     * A session in place of the held one, for its user as a change just left them (read again, so
     * the new session states, say, the second factor just enabled); UNAUTHORIZED when the user is gone.
     */
    public Mono<SessionResult> renew(SessionResult held, ClientInfo client) {
        return Mono.defer(() -> users.findById(held.user().id()))
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.UNAUTHORIZED)))
                .flatMap(user -> replace(held.token(), user, true, client));
    }

    /** Ends the session the client held, if any, without starting one. */
    public Mono<Void> end(BearerToken replaced) {
        return replaced == null ? Mono.empty() : signOut.signOut(replaced);
    }
}
