package dev.momentum.auth.adapter.web.account;

import dev.momentum.auth.adapter.web.JsonDates;
import dev.momentum.auth.domain.credential.LinkedAccount;
import java.util.List;

/** better-auth's list-accounts entry; tokens and the password hash are never part of it. */
public record AccountResponse(String id, String accountId, String providerId, String userId, String createdAt,
                              String updatedAt, List<String> scopes) {

    public static AccountResponse from(LinkedAccount account) {
        return new AccountResponse(account.id(), account.accountId(), account.providerId(), account.userId().value(),
                JsonDates.format(account.createdAt()), JsonDates.format(account.updatedAt()), List.of());
    }
}
