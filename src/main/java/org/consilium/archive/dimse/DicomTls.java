package org.consilium.archive.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The DICOM TLS listener's identity (PS3.15 B.1, the BCP 195 profile) from PEM files as a Kubernetes TLS
 * Secret holds them: {@code tls.crt} (the certificate, then its chain) and {@code tls.key} (PKCS #8, the
 * {@code BEGIN PRIVATE KEY} form; with cert-manager set {@code privateKey.encoding: PKCS8}).
 */
final class DicomTls {

    private DicomTls() {
    }

    static SSLContext fromPem(Path certificateChain, Path privateKey) throws IOException {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(certificateChain)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            }
            if (chain.length == 0) {
                throw new IOException("no certificate in " + certificateChain);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("dicom", key(privateKey, chain[0].getPublicKey().getAlgorithm()), none, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the DICOM TLS certificate " + certificateChain + " and key " + privateKey
                    + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey key(Path pem, String algorithm) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(pem + " holds no PKCS #8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
