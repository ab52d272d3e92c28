package dev.momentum.auth.application.admin;

import dev.momentum.auth.application.admin.port.in.AdministerUsersUseCase;
import dev.momentum.auth.application.admin.port.in.AuditPageResult;
import dev.momentum.auth.application.admin.port.in.ReadAuditTrailQuery;
import dev.momentum.auth.application.admin.port.in.UserPageResult;
import dev.momentum.auth.application.admin.port.in.UserSearchQuery;
import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The admin API's use cases (ADR-0034). A token's admin claim is not enough: each call loads the
 * acting user and checks that it is an administrator now, so that disabling an administrator or
 * taking the role away takes effect at once, not when the token expires.
 */
public final class AdministrationService implements AdministerUsersUseCase, ReadAuditTrailQuery {

    private static final Set<String> ROLES = Set.of(User.ADMIN, "user");

    private final UserRegistry users;
    private final Administrators administrators;
    private final UserAdministration administration;
    private final SessionRepository sessions;
    private final AuditTrail trail;
    private final TransactionRunner transactions;
    private final AdminPolicy policy;
    private final SecurityEvents events;
    private final Clock clock;

    public AdministrationService(UserRegistry users, Administrators administrators, UserAdministration administration,
                                 SessionRepository sessions, AuditTrail trail, TransactionRunner transactions,
                                 AdminPolicy policy, SecurityEvents events, Clock clock) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.administrators = Objects.requireNonNull(administrators, "administrators cannot be null");
        this.administration = Objects.requireNonNull(administration, "administration cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.trail = Objects.requireNonNull(trail, "trail cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<UserPageResult> search(UserId administrator, UserSearchQuery query) {
        return asAdministrator(administrator)
                .then(Mono.zip(administration.search(query.text(), query.limit(), query.offset())
                                .map(this::withEffectiveRole).collectList(),
                        administration.count(query.text()), UserPageResult::new))
                .flatMap(page -> audited(administrator, SecurityEventType.ADMIN_READ, Subject.NOBODY,
                        "users matching '" + query.text() + "'").thenReturn(page));
    }

    @Override
    public Mono<AdministeredUser> find(UserId administrator, UserId user) {
        return asAdministrator(administrator)
                .then(existing(user))
                .flatMap(found -> audited(administrator, SecurityEventType.ADMIN_READ, Subject.of(found.user()),
                        "user").thenReturn(withEffectiveRole(found)));
    }

    /** The role the policy gives, the one the user's tokens state: ADMIN_EMAILS makes an administrator too. */
    private AdministeredUser withEffectiveRole(AdministeredUser administered) {
        return new AdministeredUser(administered.user().withRole(policy.roleOf(administered.user())),
                administered.disabledReason());
    }

    @Override
    public Mono<Void> disable(UserId administrator, UserId user, String reason) {
        return changeUser(administrator, user, OwnAccount.REFUSED, SecurityEventType.ACCOUNT_DISABLED, reason,
                () -> transactions.inTransaction(() -> administration.setDisabled(user, true, reason, Instants.now(clock))
                        .then(sessions.deleteAllOfUser(user, null))));
    }

    @Override
    public Mono<Void> enable(UserId administrator, UserId user) {
        return changeUser(administrator, user, OwnAccount.ALLOWED, SecurityEventType.ACCOUNT_ENABLED, null,
                () -> administration.setDisabled(user, false, null, Instants.now(clock)));
    }

    @Override
    public Mono<Void> endSessions(UserId administrator, UserId user) {
        return changeUser(administrator, user, OwnAccount.ALLOWED, SecurityEventType.SESSION_REVOCATION,
                "all sessions", () -> sessions.deleteAllOfUser(user, null));
    }

    @Override
    public Mono<Void> delete(UserId administrator, UserId user) {
        return changeUser(administrator, user, OwnAccount.REFUSED, SecurityEventType.ACCOUNT_DELETION, null,
                () -> users.delete(user));
    }

    @Override
    public Mono<Void> setRole(UserId administrator, UserId user, String role) {
        if (role == null || !ROLES.contains(role)) {
            return Mono.error(new AuthException(AuthError.VALIDATION_ERROR, "[body.role] must be admin or user"));
        }
        return changeUser(administrator, user, OwnAccount.REFUSED, SecurityEventType.ROLE_CHANGE, role,
                () -> administration.setRole(user, role, Instants.now(clock)));
    }

    /**
     * Every change to a user: the caller is an administrator now, the user exists (and is not the
     * caller, where that could lock every administrator out), the change, then its audit event.
     */
    private Mono<Void> changeUser(UserId administrator, UserId user, OwnAccount ownAccount, SecurityEventType type,
                                  String detail, Supplier<Mono<?>> change) {
        return asAdministrator(administrator)
                .then(ownAccount == OwnAccount.REFUSED ? notSelf(administrator, user) : Mono.empty())
                .then(existing(user))
                .flatMap(found -> change.get().then(audited(administrator, type, Subject.of(found.user()), detail)));
    }

    private enum OwnAccount { ALLOWED, REFUSED }

    @Override
    public Mono<AuditPageResult> read(UserId administrator, SecurityEventFilter filter) {
        return asAdministrator(administrator)
                .then(trail.find(filter).collectList())
                .map(events -> new AuditPageResult(events, events.size() < filter.limit() ? Optional.empty()
                        : Optional.of(events.getLast().id())))
                .flatMap(page -> audited(administrator, SecurityEventType.ADMIN_READ,
                        new Subject(filter.userId().orElse(null), filter.email().orElse(null)), "audit trail")
                        .thenReturn(page));
    }

    private Mono<Void> asAdministrator(UserId administrator) {
        return administrators.require(administrator);
    }

    private Mono<AdministeredUser> existing(UserId user) {
        // NOT_FOUND (404): better-auth's USER_NOT_FOUND answers 401, which would tell an administrator to sign in again
        return administration.find(user).switchIfEmpty(Mono.error(new AuthException(AuthError.NOT_FOUND, "User not found")));
    }

    /** An administrator who disabled, deleted or demoted themselves could lock every administrator out. */
    private static Mono<Void> notSelf(UserId administrator, UserId user) {
        return administrator.equals(user)
                ? Mono.error(new AuthException(AuthError.FORBIDDEN, "Administrators cannot do this to their own account"))
                : Mono.empty();
    }

    private Mono<Void> audited(UserId administrator, SecurityEventType type, Subject subject, String detail) {
        return events.byAdministrator(administrator, type, subject, detail);
    }
}
