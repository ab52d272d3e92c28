/**
 * Users, their ids, e-mail addresses and roles.
 */
package dev.momentum.auth.domain.user;
