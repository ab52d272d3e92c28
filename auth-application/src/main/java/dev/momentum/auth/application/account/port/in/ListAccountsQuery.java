package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.credential.LinkedAccount;
import java.util.List;
import reactor.core.publisher.Mono;

public interface ListAccountsQuery {

    Mono<List<LinkedAccount>> listAccounts(String token);
}
