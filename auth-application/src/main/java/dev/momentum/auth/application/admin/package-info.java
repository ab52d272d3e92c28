/**
 * Use cases of administrators: search, disable, enable and set the role of users; read the audit
 * trail.
 */
package dev.momentum.auth.application.admin;
