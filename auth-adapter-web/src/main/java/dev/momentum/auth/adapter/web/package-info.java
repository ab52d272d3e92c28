/**
 * Driving adapter: better-auth's HTTP API over Spring WebFlux. This package holds the wiring and
 * what several capabilities' controllers share; each capability's controllers and wire records
 * live in the sub-package of the same name as the application's.
 */
package dev.momentum.auth.adapter.web;
