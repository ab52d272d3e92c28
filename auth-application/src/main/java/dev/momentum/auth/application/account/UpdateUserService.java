package dev.momentum.auth.application.account;

import dev.momentum.auth.application.account.port.in.UpdateUserCommand;
import dev.momentum.auth.application.account.port.in.UpdateUserUseCase;
import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionBoundWrites;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class UpdateUserService implements UpdateUserUseCase {

    private final CurrentSession currentSession;
    private final SessionBoundWrites writes;
    private final AccountDetails accounts;
    private final Clock clock;

    public UpdateUserService(GetSessionQuery getSession, SessionRepository sessions, TransactionRunner transactions,
                             AccountDetails accounts, Clock clock) {
        this.currentSession = new CurrentSession(getSession);
        this.writes = new SessionBoundWrites(sessions, transactions);
        this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<Void> updateUser(UpdateUserCommand command) {
        return currentSession.require(command.sessionToken()).flatMap(current -> {
            if (command.emailGiven()) {
                return Mono.error(new AuthException(AuthError.EMAIL_CAN_NOT_BE_UPDATED));
            }
            if (command.name().isEmpty() && command.image().isEmpty()) {
                return Mono.error(new AuthException(AuthError.NO_FIELDS_TO_UPDATE));
            }
            UserProfile before = current.user().profile();
            String name = command.name().orElse(before.name());
            // not Optional.map: a cleared picture maps to null, which map() would turn into "keep it"
            String image = command.image().isPresent() ? command.image().get().orElse(null) : before.image();
            var problem = UserProfile.problemWith(name, image);
            if (problem.isPresent()) {
                return Mono.error(AuthException.invalid(problem.get(), Defect.MALFORMED));
            }
            return writes.write(current, () -> accounts.updateProfile(current.user().id(), new UserProfile(name, image),
                    Instants.now(clock)));
        });
    }
}
