package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.in.GetSessionQuery;
import dev.momentum.auth.application.port.in.ListAccountsQuery;
import dev.momentum.auth.application.port.out.UserRepository;
import dev.momentum.auth.domain.credential.LinkedAccount;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class ListAccountsService implements ListAccountsQuery {

    private final CurrentSession currentSession;
    private final UserRepository users;

    public ListAccountsService(GetSessionQuery getSession, UserRepository users) {
        this.currentSession = new CurrentSession(getSession);
        this.users = Objects.requireNonNull(users, "users cannot be null");
    }

    @Override
    public Mono<List<LinkedAccount>> listAccounts(String token) {
        return currentSession.require(token).flatMap(current -> users.findAccounts(current.user().id()).collectList());
    }
}
