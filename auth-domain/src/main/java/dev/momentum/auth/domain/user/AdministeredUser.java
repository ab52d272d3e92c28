package dev.momentum.auth.domain.user;

/** A user as administrators see them: with the reason they were disabled, if they are. */
public record AdministeredUser(User user, String disabledReason) {
}
