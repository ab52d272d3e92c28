/**
 * Use cases of e-mail verification: send a verification mail, follow its link; the mailing of
 * links that sign-up, e-mail change and deletion share.
 */
package dev.momentum.auth.application.verification;
