/**
 * Web: get-session, list and revoke sessions, sign-out, and the session cookies.
 */
package dev.momentum.auth.adapter.web.session;
