/**
 * Web: probes, status, the OpenAPI document.
 */
package dev.momentum.auth.adapter.web.operations;
