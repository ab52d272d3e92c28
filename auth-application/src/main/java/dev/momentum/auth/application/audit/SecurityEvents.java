package dev.momentum.auth.application.audit;

import dev.momentum.auth.application.audit.port.in.ClientContext;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Records what the use cases did in the audit trail. The client (address, user agent) comes from
 * the request's Reactor context ({@link ClientContext}), so no command has to carry it. Recording never
 * changes an outcome: a trail that cannot be written is logged and the answer goes out as it would.
 */
public final class SecurityEvents {

    private static final System.Logger LOG = System.getLogger(SecurityEvents.class.getName());

    private final AuditTrail trail;
    private final Clock clock;

    public SecurityEvents(AuditTrail trail, Clock clock) {
        this.trail = Objects.requireNonNull(trail, "trail cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** The user and the address an event is about; either may be null. */
    public record Subject(UserId userId, String email) {

        public static final Subject NOBODY = new Subject(null, null);

        public static Subject email(String email) {
            return new Subject(null, email);
        }

        public static Subject of(User user) {
            return new Subject(user.id(), user.email().value());
        }
    }

    public Mono<Void> succeeded(SecurityEventType type, Subject subject, String detail) {
        return record(type, true, subject, detail, null);
    }

    public Mono<Void> failed(SecurityEventType type, Subject subject, String detail) {
        return record(type, false, subject, detail, null);
    }

    /** An administrator's action on the subject. */
    public Mono<Void> byAdministrator(UserId administrator, SecurityEventType type, Subject subject, String detail) {
        return record(type, true, subject, detail, administrator);
    }

    /**
     * Runs the action and records its outcome: success once it completes, or the code of the
     * {@link AuthException} it failed with. Other errors (the database gone) pass through
     * unrecorded, since the trail is then as unreachable as the rest.
     */
    public <T> Mono<T> outcome(SecurityEventType type, Mono<T> action, Subject subject) {
        return failures(type, action, subject)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> succeeded(type, subject, null).then(Mono.justOrEmpty(result)));
    }

    /** As {@link #outcome(SecurityEventType, Mono, Subject)}, with the subject of a success named by its value. */
    public <T> Mono<T> outcome(SecurityEventType type, Mono<T> action, Function<T, Subject> subjectOfValue,
                               Subject subjectOfFailure) {
        return failures(type, action, subjectOfFailure)
                .flatMap(value -> succeeded(type, subjectOfValue.apply(value), null).thenReturn(value));
    }

    /** Records the action's {@link AuthException}, if it fails with one; records nothing when it succeeds. */
    public <T> Mono<T> failures(SecurityEventType type, Mono<T> action, Subject subject) {
        return action.onErrorResume(AuthException.class,
                failure -> failed(type, subject, failure.error().name()).then(Mono.error(failure)));
    }

    private Mono<Void> record(SecurityEventType type, boolean succeeded, Subject subject, String detail,
                              UserId actor) {
        return Mono.deferContextual(context -> trail.append(new SecurityEvent(Instants.now(clock), type, succeeded,
                        subject.userId(), subject.email(), ClientContext.of(context), detail, actor)))
                .onErrorResume(failure -> {
                    LOG.log(Level.WARNING, "Audit event " + type + " could not be stored: " + failure);
                    return Mono.empty();
                });
    }
}
