package dev.momentum.auth.application.account;

import dev.momentum.auth.application.support.SettingsReader;

/**
 * Which account changes the deployer allows; both are off unless asked for, as in better-auth.
 *
 * @param confirmDeletionByMail delete-user mails a link, and only following it deletes the account
 */
public record AccountChanges(boolean changeEmail, boolean deleteUser, boolean confirmDeletionByMail) {

    public static AccountChanges read(SettingsReader env) {
        return new AccountChanges(env.flag("CHANGE_EMAIL_ENABLED", false), env.flag("DELETE_USER_ENABLED", false),
                env.flag("DELETE_USER_CONFIRMATION", false));
    }
}
