/**
 * Sessions and their lifetime.
 */
package dev.momentum.auth.domain.session;
