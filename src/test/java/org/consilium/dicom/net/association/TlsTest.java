package org.consilium.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.TestFiles;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreScu;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DICOM TLS option (PS3.15 B.1) with a self-signed certificate made by the JDK's keytool. */
class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static SSLContext serverContext;
    private static SSLContext clientContext;
    private static Path certPem;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        certPem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", certPem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
    }

    @Test
    void echoAndStoreOverTls() throws Exception {
        try (DicomServer server = tlsServer()) {
            Path f = TestFiles.generate(Files.createDirectories(dir.resolve("src")), 1, UID.ExplicitVRLittleEndian, "Tls^Test", 64).get(0);
            ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").withTls(clientContext);
            try (StoreScu scu = StoreScu.open(o, List.of(f))) {
                assertEquals(Status.SUCCESS, scu.association().cecho().code());
                assertEquals(Status.SUCCESS, scu.store(f).code());
            }
        }
    }

    @Test
    void echoscuConnectsWithTls() throws Exception {
        try (DicomServer server = tlsServer()) {
            Dcmtk.Result r = Dcmtk.run(Duration.ofSeconds(30), "echoscu", "+tla", "+cf", certPem.toString(),
                    "-aec", "CONSILIUM", "127.0.0.1", Integer.toString(server.port()));
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @Test
    void plainTcpClientIsNotServedOnTlsPort() throws Exception {
        try (DicomServer server = tlsServer()) {
            ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").proposeVerification()
                    .withTimeouts(Timeouts.DEFAULT.withAssociation(Duration.ofSeconds(3)));
            assertThrows(java.io.IOException.class, () -> Association.connect(o));
        }
    }

    private static DicomServer tlsServer() throws Exception {
        return DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0).tls(serverContext)
                .storeHandler((a, rq, in) -> {
                    in.transferTo(OutputStream.nullOutputStream());
                    return Status.OK;
                }).build().start();
    }

    private static void keytool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + out);
        }
    }
}
