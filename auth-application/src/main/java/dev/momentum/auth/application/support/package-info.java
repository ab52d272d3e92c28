/**
 * What several capabilities truly share: the auth policy, bounded maps, time, input errors, the
 * periodic job.
 */
package dev.momentum.auth.application.support;
