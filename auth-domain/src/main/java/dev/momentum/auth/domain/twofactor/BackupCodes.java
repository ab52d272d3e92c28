package dev.momentum.auth.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The one-use codes that stand in for a lost authenticator app. Made as better-auth makes them
 * (ten codes of ten letters and digits, shown {@code xxxxx-xxxxx}); codes imported from
 * better-auth are kept as they were made, whatever their shape.
 */
public record BackupCodes(List<String> codes) {

    public static final int COUNT = 10;
    static final int HALF = 5;

    public BackupCodes {
        codes = List.copyOf(Objects.requireNonNull(codes, "codes cannot be null"));
        if (codes.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a backup code is never empty");
        }
    }

    /** @param randomLettersAndDigits at least ten random characters of {@code [A-Za-z0-9]} a call */
    public static BackupCodes generate(Supplier<String> randomLettersAndDigits) {
        return new BackupCodes(IntStream.range(0, COUNT).mapToObj(i -> {
            String random = randomLettersAndDigits.get();
            return random.substring(0, HALF) + "-" + random.substring(HALF, 2 * HALF);
        }).toList());
    }

    /**
     * The codes left once the presented one is spent, or empty when it is none of them. Every
     * code is compared in constant time, so the answer's timing does not tell how close a guess was.
     */
    public Optional<BackupCodes> spending(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        List<String> left = new ArrayList<>(codes.size());
        boolean spent = false;
        for (String code : codes) {
            boolean matches = MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), given);
            if (matches && !spent) {
                spent = true;
            } else {
                left.add(code);
            }
        }
        return spent ? Optional.of(new BackupCodes(left)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "BackupCodes[" + codes.size() + " codes hidden]";
    }
}
