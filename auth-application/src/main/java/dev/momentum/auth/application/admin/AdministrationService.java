package dev.momentum.auth.application.admin;

import dev.momentum.auth.application.admin.port.in.AuditPageResult;
import dev.momentum.auth.application.admin.port.in.DisableUserCommand;
import dev.momentum.auth.application.admin.port.in.DisableUserUseCase;
import dev.momentum.auth.application.admin.port.in.EnableUserUseCase;
import dev.momentum.auth.application.admin.port.in.EndUserSessionsUseCase;
import dev.momentum.auth.application.admin.port.in.FindUserQuery;
import dev.momentum.auth.application.admin.port.in.ReadAuditTrailQuery;
import dev.momentum.auth.application.admin.port.in.RemoveSecondFactorUseCase;
import dev.momentum.auth.application.admin.port.in.RemoveUserUseCase;
import dev.momentum.auth.application.admin.port.in.SearchUsersQuery;
import dev.momentum.auth.application.admin.port.in.SetRoleCommand;
import dev.momentum.auth.application.admin.port.in.SetRoleUseCase;
import dev.momentum.auth.application.admin.port.in.UserActionCommand;
import dev.momentum.auth.application.admin.port.in.UserPageResult;
import dev.momentum.auth.application.admin.port.in.UserSearchQuery;
import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.AdminRefusal;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.AdministeredUser;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The admin API's use cases (ADR-0034). A token's admin claim is not enough: each call loads the
 * acting user and checks that it is an administrator now, so that disabling an administrator or
 * taking the role away takes effect at once, not when the token expires.
 */
public final class AdministrationService implements SearchUsersQuery, FindUserQuery, DisableUserUseCase,
        EnableUserUseCase, EndUserSessionsUseCase, RemoveUserUseCase, SetRoleUseCase, ReadAuditTrailQuery,
        RemoveSecondFactorUseCase {

    private final UserRegistry users;
    private final Administrators administrators;
    private final UserAdministration administration;
    private final SessionRepository sessions;
    private final SecondFactors secondFactors;
    private final VerificationTokenRepository tokens;
    private final AuditTrail trail;
    private final TransactionRunner transactions;
    private final AdminPolicy policy;
    private final SecurityEvents events;
    private final Clock clock;

    public AdministrationService(UserRegistry users, Administrators administrators, UserAdministration administration,
                                 SessionRepository sessions, SecondFactors secondFactors,
                                 VerificationTokenRepository tokens, AuditTrail trail, TransactionRunner transactions,
                                 AdminPolicy policy, SecurityEvents events, Clock clock) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.administrators = Objects.requireNonNull(administrators, "administrators cannot be null");
        this.administration = Objects.requireNonNull(administration, "administration cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.trail = Objects.requireNonNull(trail, "trail cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<UserPageResult> search(UserSearchQuery query) {
        return asAdministrator(query.administrator())
                .then(Mono.zip(administration.search(query.text(), query.limit(), query.offset())
                                .map(this::withEffectiveRole).collectList(),
                        administration.count(query.text()), UserPageResult::new))
                .flatMap(page -> audited(query.administrator(), SecurityEventType.ADMIN_READ, Subject.NOBODY,
                        "users matching '" + query.text() + "'").thenReturn(page));
    }

    @Override
    public Mono<AdministeredUser> find(UserActionCommand request) {
        return asAdministrator(request.administrator())
                .then(existing(request.user()))
                .flatMap(found -> audited(request.administrator(), SecurityEventType.ADMIN_READ,
                        Subject.of(found.user()), "user").thenReturn(withEffectiveRole(found)));
    }

    /** The role the policy gives, the one the user's tokens state: ADMIN_EMAILS makes an administrator too. */
    private AdministeredUser withEffectiveRole(AdministeredUser administered) {
        return new AdministeredUser(administered.user().withRole(policy.roleOf(administered.user())),
                administered.disabledReason());
    }

    @Override
    public Mono<Void> disable(DisableUserCommand command) {
        UserId user = command.action().user();
        return changeUser(command.action(), OwnAccount.REFUSED, SecurityEventType.ACCOUNT_DISABLED, command.reason(),
                () -> transactions.inTransaction(() -> administration
                        .setDisabled(user, true, command.reason(), Instants.now(clock))
                        .then(sessions.deleteAllOfUser(user, null))));
    }

    @Override
    public Mono<Void> enable(UserActionCommand command) {
        return changeUser(command, OwnAccount.ALLOWED, SecurityEventType.ACCOUNT_ENABLED, null,
                () -> administration.setDisabled(command.user(), false, null, Instants.now(clock)));
    }

    @Override
    public Mono<Void> endSessions(UserActionCommand command) {
        return changeUser(command, OwnAccount.ALLOWED, SecurityEventType.SESSION_REVOCATION,
                "all sessions", () -> sessions.deleteAllOfUser(command.user(), null));
    }

    @Override
    public Mono<Void> removeSecondFactor(UserActionCommand command) {
        return changeUser(command, OwnAccount.ALLOWED, SecurityEventType.TWO_FACTOR_DISABLED, "by an administrator",
                () -> secondFactors.remove(command.user())
                        .then(tokens.discardUnspent(command.user(), VerificationPurpose.TRUSTED_DEVICE)));
    }

    @Override
    public Mono<Void> remove(UserActionCommand command) {
        return changeUser(command, OwnAccount.REFUSED, SecurityEventType.ACCOUNT_DELETION, null,
                () -> users.delete(command.user()));
    }

    @Override
    public Mono<Void> setRole(SetRoleCommand command) {
        return changeUser(command.action(), OwnAccount.REFUSED, SecurityEventType.ROLE_CHANGE, command.role(),
                () -> administration.setRole(command.action().user(), command.role(), Instants.now(clock)));
    }

    /**
     * Every change to a user: the caller is an administrator now, the user exists (and is not the
     * caller, where that could lock every administrator out), the change, then its audit event.
     */
    private Mono<Void> changeUser(UserActionCommand action, OwnAccount ownAccount, SecurityEventType type,
                                  String detail, Supplier<Mono<?>> change) {
        return asAdministrator(action.administrator())
                .then(ownAccount == OwnAccount.REFUSED ? notSelf(action) : Mono.empty())
                .then(existing(action.user()))
                .flatMap(found -> change.get()
                        .then(audited(action.administrator(), type, Subject.of(found.user()), detail)));
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
        return administration.find(user).switchIfEmpty(Mono.error(new AuthException(AuthError.NOT_FOUND, AdminRefusal.UNKNOWN_USER)));
    }

    private static Mono<Void> notSelf(UserActionCommand action) {
        return action.administrator().equals(action.user())
                ? Mono.error(new AuthException(AuthError.FORBIDDEN, AdminRefusal.OWN_ACCOUNT))
                : Mono.empty();
    }

    private Mono<Void> audited(UserId administrator, SecurityEventType type, Subject subject, String detail) {
        return events.byAdministrator(administrator, type, subject, detail);
    }
}
