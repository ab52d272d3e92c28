package dev.momentum.auth.application.session;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs what a signed-in user changes in one transaction with their session, held: a request that
 * read its session before a password reset revoked it, and writes after the reset committed, is
 * refused with UNAUTHORIZED instead of undoing the reset (ADR-0026).
 */
public final class SessionBoundWrites {

    private final SessionRepository sessions;
    private final TransactionRunner transactions;

    public SessionBoundWrites(SessionRepository sessions, TransactionRunner transactions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
    }

    public <T> Mono<T> write(SessionResult current, Supplier<Mono<T>> work) {
        return transactions.inTransaction(() -> sessions.holdIfPresent(current.session().id())
                .flatMap(present -> present ? work.get() : Mono.error(new AuthException(AuthError.UNAUTHORIZED))));
    }
}
