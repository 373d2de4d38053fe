package org.layeredtls.handshake.cli;

import java.io.PrintStream;
import java.util.HexFormat;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.trace.CertificateLines;
import org.layeredtls.record.CompressionMethod;

/** Prints what a handshake agreed on, in the words and layout of {@code openssl s_client}. */
final class SessionSummary {

    private SessionSummary() {
    }

    /** "New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256" (or "Reused, ..."). */
    static String headline(SessionInfo s) {
        return (s.resumed() ? "Reused, " : "New, ") + s.version().displayName() + ", Cipher is " + s.cipherSuite().openSslName();
    }

    /** OpenSSL's names: "NONE", and "zlib compression" for DEFLATE (RFC 3749, the zlib format). */
    static String compression(CompressionMethod method) {
        return method == CompressionMethod.NULL ? "NONE" : method == CompressionMethod.DEFLATE ? "zlib compression (DEFLATE)" : method.toString();
    }

    /**
     * s_client's summary: the server's chain (each certificate's PEM with {@code showCerts}, else the
     * server certificate's), then what the handshake agreed on, then {@code exporterLines} (-keymatexport).
     */
    static void print(PrintStream out, SessionInfo s, VerifyCode verify, boolean showCerts, java.util.List<String> exporterLines) {
        out.println("---");
        if (!s.peerCertificates().isEmpty()) {
            CertificateLines.chainAndServerCertificate(s.peerCertificates(), showCerts, "Server").forEach(out::println);
            out.println("---");
        }
        out.println(verify.code() == 0 ? "Verification: OK" : "Verification error: " + verify.text());
        out.println("---");
        out.println(headline(s));
        out.println("Secure Renegotiation IS" + (s.secureRenegotiation() ? "" : " NOT") + " supported");
        out.println("Compression: " + compression(s.compression()));
        out.println(s.applicationProtocol() == null ? "No ALPN negotiated" : "ALPN protocol: " + s.applicationProtocol());
        out.println("SSL-Session:");
        out.println("    Protocol  : " + s.version().displayName());
        out.println("    Cipher    : " + s.cipherSuite().openSslName());
        out.println("    Session-ID: " + HexFormat.of().withUpperCase().formatHex(s.sessionId()));
        out.println("    Extended master secret: " + (s.extendedMasterSecret() ? "yes" : "no"));
        out.println("    Verify return code: " + verify);
        exporterLines.forEach(out::println);
        out.println("---");
        out.flush();
    }
}
