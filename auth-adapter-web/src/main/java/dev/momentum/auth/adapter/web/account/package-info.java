/**
 * Web: a signed-in user's account (update, change e-mail, delete, linked accounts).
 */
package dev.momentum.auth.adapter.web.account;
