/**
 * Web: sending and following e-mail verification links.
 */
package dev.momentum.auth.adapter.web.verification;
