/**
 * Who users are and what role they have: the store every capability reads users from, and the
 * admin policy.
 */
package dev.momentum.auth.application.user;
