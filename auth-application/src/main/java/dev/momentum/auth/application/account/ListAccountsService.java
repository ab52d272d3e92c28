package dev.momentum.auth.application.account;

import dev.momentum.auth.application.account.port.in.ListAccountsQuery;
import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class ListAccountsService implements ListAccountsQuery {

    private final CurrentSession currentSession;
    private final AccountDetails accounts;

    public ListAccountsService(GetSessionQuery getSession, AccountDetails accounts) {
        this.currentSession = new CurrentSession(getSession);
        this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
    }

    @Override
    public Mono<List<LinkedAccount>> listAccounts(BearerToken token) {
        return currentSession.require(token).flatMap(current -> accounts.findAccounts(current.user().id()).collectList());
    }
}
