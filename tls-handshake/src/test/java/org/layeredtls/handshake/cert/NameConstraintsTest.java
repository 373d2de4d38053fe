package org.layeredtls.handshake.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.seclevel.OpenSslPki;

/**
 * RFC 5280 §4.2.1.10 name constraints, on chains made with {@code openssl req/x509}: a critical
 * nameConstraints extension no longer stops validation, and every leaf gets from our validator the
 * verdict {@code openssl verify} gives it (0, 47 permitted subtree violation, 48 excluded subtree
 * violation), with certificate_unknown as the alert, as OpenSSL's client sends (its
 * ssl_x509err2alert table has no entry for them).
 */
@Timeout(120)
class NameConstraintsTest {

    private static final String SUBJECT = "/C=US/O=Example/CN=";
    private static OpenSslPki pki;

    @BeforeAll
    static void makeChains() {
        pki = OpenSslPki.inTemporaryDirectory("nameconstraints");
        pki.rsaKey("root", 2048);
        pki.selfSignedCa("root", "/CN=Unconstrained Root", "sha256");
        pki.rsaKey("constrained", 2048);
        pki.issue("constrained", "constrained", "/C=US/O=Example/CN=Constrained CA", "root", "sha256", """
                basicConstraints=critical,CA:TRUE
                keyUsage=critical,keyCertSign,cRLSign
                subjectKeyIdentifier=hash
                nameConstraints=critical,@nc
                [nc]
                permitted;DNS.1=example.com
                permitted;IP.1=10.0.0.0/255.0.0.0
                permitted;email.1=.example.com
                permitted;dirName.1=dir_permitted
                excluded;DNS.1=bad.example.com
                excluded;IP.1=10.9.0.0/255.255.0.0
                [dir_permitted]
                C=US
                O=Example
                """);
        pki.rsaKey("leaf", 2048);
        leaf("dns-ok", SUBJECT + "www.example.com", "DNS:www.example.com");
        leaf("dns-apex", SUBJECT + "example.com", "DNS:example.com");
        leaf("dns-outside", SUBJECT + "www.example.org", "DNS:www.example.org");
        leaf("dns-label-boundary", SUBJECT + "notexample.com", "DNS:notexample.com");
        leaf("dns-excluded", SUBJECT + "x.bad.example.com", "DNS:x.bad.example.com");
        leaf("dns-upper-case", SUBJECT + "WWW.EXAMPLE.COM", "DNS:WWW.EXAMPLE.COM");
        leaf("ip-ok", SUBJECT + "a.example.com", "DNS:a.example.com,IP:10.1.2.3");
        leaf("ip-excluded", SUBJECT + "a.example.com", "DNS:a.example.com,IP:10.9.1.1");
        leaf("ip-outside", SUBJECT + "a.example.com", "DNS:a.example.com,IP:192.168.1.1");
        leaf("ipv6-against-ipv4", SUBJECT + "a.example.com", "DNS:a.example.com,IP:::1");
        leaf("email-ok", SUBJECT + "a.example.com", "DNS:a.example.com,email:joe@mail.example.com");
        leaf("email-host-not-subdomain", SUBJECT + "a.example.com", "DNS:a.example.com,email:joe@example.com");
        leaf("email-outside", SUBJECT + "a.example.com", "DNS:a.example.com,email:joe@example.org");
        leaf("dir-outside", "/C=US/O=Other/CN=www.example.com", "DNS:www.example.com");
        leaf("subject-email-outside", "/C=US/O=Example/emailAddress=joe@example.org/CN=www.example.com",
                "DNS:www.example.com");
        leaf("cn-only-ok", SUBJECT + "www.example.com", null);
        leaf("cn-only-outside", SUBJECT + "www.example.org", null);
        leaf("cn-only-excluded", SUBJECT + "a.bad.example.com", null);
        leaf("cn-not-a-host-name", SUBJECT + "Example Device 7", null);
        leaf("cn-ignored-beside-a-dns-name", SUBJECT + "www.example.org", "DNS:www.example.com");
        leaf("cn-checked-beside-an-ip", SUBJECT + "www.example.org", "IP:10.1.2.3");
    }

    private static void leaf(String name, String subject, String subjectAltName) {
        String extensions = "basicConstraints=CA:FALSE" + (subjectAltName == null ? "" : "\nsubjectAltName=" + subjectAltName);
        pki.issue(name, "leaf", subject, "constrained", "sha256", extensions);
    }

    private static int ourVerdict(String leaf) {
        CertificateValidator validator = new CertificateValidator(List.of(pki.certificate("root")), Clock.systemUTC());
        try {
            validator.validate(List.of(pki.certificate(leaf), pki.certificate("constrained")), Purpose.SERVER_AUTH);
            return 0;
        } catch (CertificateRejectedException e) {
            assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, e.description(), e::getMessage);
            return e.error().code();
        } catch (org.layeredtls.alert.TlsAlertException e) {
            throw new AssertionError("refused without a verify error", e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"dns-ok, 0", "dns-apex, 0", "dns-outside, 47", "dns-label-boundary, 47", "dns-excluded, 48",
            "dns-upper-case, 0", "ip-ok, 0", "ip-excluded, 48", "ip-outside, 47", "ipv6-against-ipv4, 47",
            "email-ok, 0", "email-host-not-subdomain, 47", "email-outside, 47", "dir-outside, 47",
            "subject-email-outside, 47", "cn-only-ok, 0", "cn-only-outside, 47", "cn-only-excluded, 48",
            "cn-not-a-host-name, 0", "cn-ignored-beside-a-dns-name, 0", "cn-checked-beside-an-ip, 47"})
    void ourVerdictIsOpenSslVerifys(String leaf, int expected) {
        int openssl = pki.verify(0, "root", "constrained", leaf);
        assertEquals(expected, openssl, "openssl verify changed its mind: the table is wrong");
        assertEquals(openssl, ourVerdict(leaf));
    }

    @Test
    void ourClientRefusesALeafOutsideTheConstraintsWithTheCodeAndAlertOfOpenSslsClient() throws Exception {
        String[] server = {"-cert", pki.path("dns-outside.pem"), "-key", pki.path("leaf.key"),
                "-cert_chain", pki.path("constrained.pem"), "-tls1_2"};
        try (OpenSslProcess openssl = OpenSslProcess.server(server);
             OpenSslProcess theirClient = OpenSslProcess.client(openssl.port(), "-CAfile", pki.path("root.pem"),
                     "-verify_return_error")) {
            theirClient.closeInput();
            theirClient.awaitOutput("verify error:num=47:permitted subtree violation");
            openssl.awaitOutput("alert certificate unknown");
        }
        try (OpenSslProcess openssl = OpenSslProcess.server(server)) {
            TlsConfig config = TlsConfig.builder().trustAnchors(List.of(pki.certificate("root")))
                    .serverName("www.example.org").build();
            try (TlsSocket socket = TlsSocket.connect("127.0.0.1", openssl.port(), config)) {
                socket.socket().setSoTimeout((int) OpenSslProcess.TIMEOUT_MILLIS);
                CertificateRejectedException refused = assertThrows(CertificateRejectedException.class, socket::startHandshake);
                assertEquals(VerificationError.PERMITTED_VIOLATION, refused.error());
                assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, refused.description());
            }
            openssl.awaitOutput("alert certificate unknown");
        }
    }

    @Test
    void aCriticalNameConstraintsExtensionIsNoLongerAnUnhandledCriticalExtension() {
        assertTrue(pki.certificate("constrained").criticalExtensions().contains("2.5.29.30"));
        assertEquals(0, ourVerdict("dns-ok"));
    }

    @Test
    void aCommonNameLooksLikeAHostNameOnlyWithTwoLabelsAndHostNameCharacters() {
        assertTrue(NameConstraints.looksLikeHostName("www.example.com"));
        assertTrue(NameConstraints.looksLikeHostName("a_b.example"));
        assertFalse(NameConstraints.looksLikeHostName("localhost"));
        assertFalse(NameConstraints.looksLikeHostName("*.example.com"));
        assertFalse(NameConstraints.looksLikeHostName("Example Device"));
        assertFalse(NameConstraints.looksLikeHostName("a..example"));
        assertFalse(NameConstraints.looksLikeHostName("-a.example"));
        assertFalse(NameConstraints.looksLikeHostName("a-.example"));
        assertFalse(NameConstraints.looksLikeHostName("example.com."));
    }
}
