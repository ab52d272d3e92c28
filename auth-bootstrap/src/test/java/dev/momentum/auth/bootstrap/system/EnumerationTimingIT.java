package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everywhere an address is accepted, a known and an unknown one get the same answer in the same
 * time: the (10 %-trimmed) mean times of a few hundred interleaved tries differ by less than 5 %, on
 * PostgreSQL over HTTP (issue 6, item 2).
 */
class EnumerationTimingIT {

    private static final Logger LOG = LoggerFactory.getLogger(EnumerationTimingIT.class);
    private static final String KNOWN = "known@example.com";
    private static final String UNVERIFIED = "unverified@example.com";
    /** Tries of each kind; every endpoint answers after a floor, so several go at a time. */
    private static final int FLOORED_TRIES = 150;
    private static final double LARGEST_DIFFERENCE = 0.05;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    private static RunningService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(RunningService.onPostgresWithSmtp(TestPostgres.freshDatabase(),
                ServerSetupTest.SMTP.getPort(), "MAIL_POLL_INTERVAL", "100ms"));
        JwtInteropIT.signedUpAndIn(service, SMTP, KNOWN);
        assertThat(post("/sign-up/email", signUp(UNVERIFIED)).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A failed sign-in answers after the floor too (ADR-0040); four at a time, as sign-ups. */
    @Test
    void signInTakesAsLongForAnUnknownAddressAsForAWrongPassword() throws Exception {
        compareInBatches("sign-in", 4, 401, i -> "/sign-in/email", i -> "{\"email\":\""
                + (i % 2 == 0 ? KNOWN : "nobody-" + i + "@example.com") + "\",\"password\":\"wrong-password-" + i + "\"}");
    }

    @Test
    void signUpTakesAsLongForATakenAddressAsForAFreeOne() throws Exception {
        // four at a time: their four hashes take less than the floor on two cores, as one does
        compareInBatches("sign-up", 4, 200, i -> "/sign-up/email",
                i -> signUp(i % 2 == 0 ? KNOWN : "new-" + i + "@example.com"));
    }

    @Test
    void resetRequestsTakeAsLongForAnUnknownAddressAsForAKnownOne() throws Exception {
        compareInBatches("request-password-reset", 25, 200, i -> "/request-password-reset",
                i -> emailOnly(i % 2 == 0 ? KNOWN : "nobody-" + i + "@example.com"));
    }

    @Test
    void verificationRequestsTakeAsLongForAnUnknownAddressAsForAnUnverifiedOne() throws Exception {
        compareInBatches("send-verification-email", 25, 200, i -> "/send-verification-email",
                i -> emailOnly(i % 2 == 0 ? UNVERIFIED : "nobody-" + i + "@example.com"));
    }

    /**
     * The endpoints answer after a fixed floor: {@code batch} at a time, known (even {@code i}) and
     * unknown (odd) alternating, each time filed by the kind it was sent as.
     */
    private static void compareInBatches(String endpoint, int batch, int status, IntFunction<String> path,
                                         IntFunction<String> json) throws Exception {
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        java.util.Set<String> bodies = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int first = 0; first < 2 * FLOORED_TRIES; first += batch) {
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int j = 0; j < batch; j++) {
                int i = first + j;
                long started = System.nanoTime();
                calls.add(HTTP.sendAsync(request(path.apply(i), json.apply(i)),
                                HttpResponse.BodyHandlers.ofString())
                        .thenApply(answer -> {
                            assertThat(answer.statusCode()).isEqualTo(status);
                            bodies.add(shape(answer.body()));
                            return System.nanoTime() - started;
                        }));
            }
            for (int j = 0; j < calls.size(); j++) {
                ((first + j) % 2 == 0 ? knownTimes : unknownTimes).add(calls.get(j).join());
            }
        }
        assertThat(bodies).as("one shape of answer for every address").hasSize(1);
        assertSimilar(endpoint, knownTimes, unknownTimes);
    }

    /**
     * Compares the means of the middle 80 % of each kind's times: a GC pause or a noisy neighbour
     * in one try moves a plain mean of 130 tries by more than the difference being looked for.
     */
    private static void assertSimilar(String endpoint, List<Long> known, List<Long> unknown) {
        double knownMean = trimmedMeanMillis(known);
        double unknownMean = trimmedMeanMillis(unknown);
        double difference = Math.abs(knownMean - unknownMean) / Math.min(knownMean, unknownMean);
        LOG.info("{}: known {} ms, unknown {} ms (trimmed means of {} tries each; plain means {} and {} ms); difference {} %",
                endpoint, String.format("%.2f", knownMean), String.format("%.2f", unknownMean), known.size(),
                String.format("%.2f", plainMeanMillis(known)), String.format("%.2f", plainMeanMillis(unknown)),
                String.format("%.2f", difference * 100));
        assertThat(difference).as("%s: mean %s ms for a known address, %s ms for an unknown one", endpoint,
                knownMean, unknownMean).isLessThan(LARGEST_DIFFERENCE);
    }

    private static double trimmedMeanMillis(List<Long> nanos) {
        int cut = nanos.size() / 10;
        return nanos.stream().sorted().skip(cut).limit(nanos.size() - 2L * cut)
                .mapToLong(Long::longValue).average().orElseThrow() / 1e6;
    }

    private static double plainMeanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
    }

    /** The keys of a JSON answer with their values' kinds, not the values: a synthetic user has other ids. */
    private static String shape(String body) {
        return body.replaceAll("\"[^\"]*\"(?=\\s*[,}\\]])", "s").replaceAll("\\d+", "n");
    }

    private static String emailOnly(String email) {
        return "{\"email\":\"" + email + "\"}";
    }

    private static String signUp(String email) {
        return "{\"name\":\"Ada\",\"email\":\"" + email + "\",\"password\":\"a-long-password\"}";
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(request(path, json), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
