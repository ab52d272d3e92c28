/**
 * Web: Spring Security's chain, session cookies, bearer tokens, trusted origins and client
 * addresses.
 */
package dev.momentum.auth.adapter.web.security;
