package dev.momentum.auth.application.account;

/**
 * Which account changes the deployer allows; both are off unless asked for, as in better-auth.
 *
 * @param confirmDeletionByMail delete-user mails a link, and only following it deletes the account
 */
public record AccountChanges(boolean changeEmail, boolean deleteUser, boolean confirmDeletionByMail) {
}
