/**
 * Use cases of a signed-in user's account: update the profile, change the e-mail address, delete
 * the user, list linked accounts.
 */
package dev.momentum.auth.application.account;
