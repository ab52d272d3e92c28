package dev.momentum.auth.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A key and a self-signed certificate in PEM, made with the JDK's keytool, for a TLS server in a test. */
record SelfSignedCertificate(String certificatePem, String privateKeyPem) {

    private static final char[] PASSWORD = "test-only".toCharArray();

    static SelfSignedCertificate forHost(String host) throws IOException, GeneralSecurityException {
        Path directory = Files.createTempDirectory("tls");
        Path store = directory.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Docker.run(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD)), Map.of(), directory, Duration.ofSeconds(30)).orFail("keytool");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) keys.getKey("server", PASSWORD);
        return new SelfSignedCertificate(pem("CERTIFICATE", keys.getCertificate("server").getEncoded()),
                pem("PRIVATE KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
