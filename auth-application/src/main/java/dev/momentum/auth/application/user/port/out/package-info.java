/**
 * Driven ports of the user store that several capabilities share: finding a user, and users
 * joining and leaving. What only one capability reads or writes of a user is a port of that
 * capability.
 */
package dev.momentum.auth.application.user.port.out;
