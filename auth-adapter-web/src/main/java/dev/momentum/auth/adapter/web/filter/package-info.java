/**
 * Web: the filters every request passes, in the order {@link
 * dev.momentum.auth.adapter.web.filter.FilterOrder} states.
 */
package dev.momentum.auth.adapter.web.filter;
