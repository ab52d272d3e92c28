package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.port.out.EmailOwnership;

/** The role-sized ports that the user and account tables serve together. */
public interface UserStore extends UserLookup, UserRegistry, PasswordCredentials, EmailOwnership, AccountDetails {
}
