/**
 * The hashes we keep of opaque tokens instead of the tokens (ADR-0004).
 */
package dev.momentum.auth.domain.token;
