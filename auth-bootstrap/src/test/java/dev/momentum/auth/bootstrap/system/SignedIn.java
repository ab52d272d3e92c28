package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A user signed up over HTTP, marked verified in the database (no mail needed), and signed in:
 * the bearer token and the session cookie the service handed out.
 */
record SignedIn(String email, String bearer, String cookie) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static SignedIn as(RunningService service, DatabaseUrl database, String email, String password) throws Exception {
        String credentials = """
                {"name":"Ada","email":"%s","password":"%s"}""".formatted(email, password);
        expectOk(post(service, "/sign-up/email", credentials));
        if (Rows.update(database, "UPDATE users SET email_verified = TRUE WHERE email = ?", email) != 1) {
            throw new AssertionError("no user " + email + " after sign-up");
        }
        return in(service, email, password);
    }

    /** A user the service already knows, signed in with their password. */
    static SignedIn in(RunningService service, String email, String password) throws Exception {
        var signIn = expectOk(post(service, "/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password)));
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        return new SignedIn(email, signIn.headers().firstValue("set-auth-token").orElseThrow(), cookie);
    }

    /** A JWT for this session, from {@code GET /token}. */
    String jwt(RunningService service) throws Exception {
        var answer = expectOk(HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth/token"))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString()));
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> post(RunningService service, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.uri() + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
