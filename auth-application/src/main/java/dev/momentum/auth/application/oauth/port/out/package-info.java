/**
 * Out-ports of the authorization server: its clients, grants with their codes and refresh tokens,
 * and users' consents.
 */
package dev.momentum.auth.application.oauth.port.out;
