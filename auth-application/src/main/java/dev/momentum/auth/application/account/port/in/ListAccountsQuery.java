package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.List;
import reactor.core.publisher.Mono;

public interface ListAccountsQuery {

    Mono<List<LinkedAccount>> listAccounts(BearerToken token);
}
