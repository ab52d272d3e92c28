package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.credential.port.in.ChangePasswordResult;
import dev.momentum.auth.application.credential.port.in.ChangePasswordUseCase;
import dev.momentum.auth.application.credential.port.in.VerifyPasswordQuery;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionBoundWrites;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.User;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Changing and confirming the password of a signed-in user (better-auth {@code update-user.mjs}, {@code password.mjs}). */
public final class ChangePasswordService implements ChangePasswordUseCase, VerifyPasswordQuery {

    private final CurrentSession currentSession;
    private final SessionBoundWrites writes;
    private final PasswordCredentials credentials;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final PasswordCheck passwordCheck;
    private final SessionIssuer sessionIssuer;
    private final AuthPolicy policy;
    private final Clock clock;
    private final SecurityEvents events;

    public ChangePasswordService(GetSessionQuery getSession, PasswordCredentials credentials, SessionRepository sessions,
                                 PasswordHasher hasher, SessionIssuer sessionIssuer, TransactionRunner transactions,
                                 AuthPolicy policy, Clock clock, SecurityEvents events) {
        this.currentSession = new CurrentSession(getSession);
        this.writes = new SessionBoundWrites(sessions, transactions);
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.passwordCheck = new PasswordCheck(credentials, hasher, policy.passwordPolicy());
        this.sessionIssuer = Objects.requireNonNull(sessionIssuer, "sessionIssuer cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<ChangePasswordResult> changePassword(ChangePasswordCommand command) {
        return currentSession.require(command.sessionToken())
                .flatMap(current -> events.outcome(SecurityEventType.PASSWORD_CHANGE,
                        InputErrors.reject(policy.passwordPolicy().checkNew(command.newPassword()))
                                .then(Mono.defer(() -> passwordCheck.check(current.user(), command.currentPassword())))
                                .flatMap(credential -> hasher.hash(command.newPassword())
                                        .flatMap(hash -> writes.write(current,
                                                () -> replace(credential.user(), hash, command)))
                                        .map(newSession -> new ChangePasswordResult(credential.user(), newSession))),
                        Subject.of(current.user())));
    }

    private Mono<Optional<SessionResult>> replace(User user, PasswordHash hash, ChangePasswordCommand command) {
        Mono<Void> replaced = credentials.replacePasswordHash(user.id(), hash, Instants.now(clock));
        if (!command.revokeOtherSessions()) {
            return replaced.thenReturn(Optional.empty());
        }
        return replaced.then(sessions.deleteAllOfUser(user.id(), null))
                .then(Mono.defer(() -> sessionIssuer.start(user, true, command.client())))
                .map(Optional::of);
    }

    @Override
    public Mono<Void> verifyPassword(BearerToken sessionToken, String password) {
        return currentSession.require(sessionToken)
                .flatMap(current -> passwordCheck.check(current.user(), password))
                .then();
    }
}
