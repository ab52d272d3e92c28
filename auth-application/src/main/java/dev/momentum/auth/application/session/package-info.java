/**
 * Use cases of sessions: get-session, list, revoke, sign out; issuing a session, the session cache
 * and the session-bound writes other capabilities use.
 */
package dev.momentum.auth.application.session;
