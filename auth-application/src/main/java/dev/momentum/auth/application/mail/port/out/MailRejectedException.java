package dev.momentum.auth.application.mail.port.out;

/** The provider refused the mail for good (a malformed address, a sender it does not accept): do not retry. */
public class MailRejectedException extends RuntimeException {

    public MailRejectedException(String message) {
        super(message);
    }
}
