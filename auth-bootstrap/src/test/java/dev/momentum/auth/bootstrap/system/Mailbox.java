package dev.momentum.auth.bootstrap.system;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the service sent through the real SMTP server (GreenMail) of a test. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/(verify-email\\?|reset-password/|delete-user/callback\\?)\\S+");

    private Mailbox() {
    }

    static List<MimeMessage> to(GreenMailExtension smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> recipient(message).equals(address)).toList();
    }

    private static final Pattern SIGN_IN_CODE = Pattern.compile("sign-in code is (\\d{6})");

    /** Waits for the n-th mail to this address (verification, reset, deletion) and returns its link. */
    static String awaitVerificationLink(GreenMailExtension smtp, String address, int expectedCount) throws Exception {
        return awaitMatch(smtp, address, expectedCount, LINK).group();
    }

    /** Waits for the n-th mail to this address, a code by mail, and returns its six digits. */
    static String awaitSignInCode(GreenMailExtension smtp, String address, int expectedCount) throws Exception {
        return awaitMatch(smtp, address, expectedCount, SIGN_IN_CODE).group(1);
    }

    private static Matcher awaitMatch(GreenMailExtension smtp, String address, int expectedCount, Pattern pattern)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = to(smtp, address);
            if (messages.size() >= expectedCount) {
                String text = (String) ((MimeMultipart) messages.get(expectedCount - 1).getContent())
                        .getBodyPart(0).getContent();
                Matcher matcher = pattern.matcher(text);
                if (!matcher.find()) {
                    throw new AssertionError("no " + pattern + " in: " + text);
                }
                return matcher;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " within 15 s");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
