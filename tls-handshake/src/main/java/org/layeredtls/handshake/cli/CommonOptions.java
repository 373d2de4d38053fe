package org.layeredtls.handshake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.illustrate.IllustratedSession;
import org.layeredtls.handshake.illustrate.SessionPage;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.handshake.trace.ExplainPrinter;
import org.layeredtls.handshake.trace.KeyLogWriter;
import org.layeredtls.handshake.trace.MsgPrinter;
import org.layeredtls.handshake.trace.TlsObservers;
import org.layeredtls.handshake.trace.TracePrinter;
import org.layeredtls.record.ProtocolVersion;

import picocli.CommandLine.Option;

/** The options {@code s_client} and {@code s_server} share, with OpenSSL's names; a picocli mixin. */
public class CommonOptions {

    @Option(names = "-ssl3", description = "Speak SSL 3.0 only (off by default, for teaching).")
    boolean ssl3;
    @Option(names = "-tls1", description = "Speak TLS 1.0 only.")
    boolean tls1;
    @Option(names = "-tls1_1", description = "Speak TLS 1.1 only.")
    boolean tls11;
    @Option(names = "-tls1_2", description = "Speak TLS 1.2 only (the default is TLS 1.2 and 1.3, 1.3 preferred).")
    boolean tls12;
    @Option(names = "-cipher", paramLabel = "LIST", description = "Cipher suites, colon-separated, IANA or OpenSSL names,"
            + " DEFAULT, ALL, and @SECLEVEL=N (as OpenSSL's cipher strings).")
    String cipher;
    @Option(names = "-cert", paramLabel = "FILE", description = "Certificate chain (PEM, leaf first).")
    Path cert;
    @Option(names = "-key", paramLabel = "FILE", description = "Private key of the certificate (PEM).")
    Path key;
    @Option(names = "-CAfile", paramLabel = "FILE", description = "Trusted CA certificates (PEM).")
    Path caFile;
    @Option(names = "-comp", description = "Offer DEFLATE compression (CRIME!).")
    boolean comp;
    @Option(names = "-trace", description = "Print every record and message, like openssl -trace.")
    boolean trace;
    @Option(names = "-msg", description = "Print each record header and protocol message in hex, like openssl -msg.")
    boolean msg;
    @Option(names = "-explain", description = "Explain every byte of every record.")
    boolean explain;
    @Option(names = "-keylogfile", paramLabel = "FILE", description = "Append NSS key log lines (CLIENT_RANDOM ...) to FILE.")
    Path keyLogFile;
    @Option(names = "-html", paramLabel = "FILE", description = "Write the illustrated session to FILE: one self-contained HTML page"
            + " (a ladder of the records, each record's three forms byte by byte, the key derivation). It holds the session's"
            + " secrets. Not an OpenSSL option.")
    Path html;

    // security level
    @Option(names = "-seclevel", paramLabel = "N", description = "Security level 0 to 5, as OpenSSL's (default 2;"
            + " @SECLEVEL=N in -cipher sets it too, and wins).")
    Integer seclevel;

    // crypto backend
    @Option(names = "-crypto", paramLabel = "bc|jdk", converter = BackendName.class, description = "The crypto"
            + " backend for records, PRF and hashes: bc (BouncyCastle, the default) or jdk (javax.crypto, AES-NI).")
    CryptoBackend crypto;

    /** {@code -crypto}'s value: a backend's short name; anything else is a error (exit 2). */
    static final class BackendName implements picocli.CommandLine.ITypeConverter<CryptoBackend> {
        @Override
        public CryptoBackend convert(String value) {
            try {
                return CryptoBackend.fromShortName(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    // TLS 1.3
    @Option(names = "-tls1_3", description = "Speak TLS 1.3 only (with -tls1_2, or with no version flag: TLS 1.2 and 1.3,"
            + " the default).")
    boolean tls13;
    @Option(names = "-ciphersuites", paramLabel = "LIST", description = "TLS 1.3 cipher suites, colon-separated (OpenSSL's"
            + " separate list; default TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256).")
    String ciphersuites;
    @Option(names = "-groups", paramLabel = "LIST", description = "Key exchange groups, colon-separated, preferred first"
            + " (X25519MLKEM768, x25519, P-256, P-384, P-521, ffdhe2048, ...; default X25519MLKEM768:x25519:P-256:P-384);"
            + " a TLS 1.3 client sends a key share for the first (default: X25519MLKEM768 and x25519).")
    String groups;

    private KeyLogWriter keyLog;
    private IllustratedSession illustrated;
    private String illustrationTitle;

    /** The version range the flags ask for (OpenSSL: one flag = that version only; none = TLS 1.2 to 1.3, as OpenSSL). */
    ProtocolVersion[] versions() {
        List<ProtocolVersion> chosen = new ArrayList<>();
        if (ssl3) {
            chosen.add(ProtocolVersion.SSL3_0);
        }
        if (tls1) {
            chosen.add(ProtocolVersion.TLS1_0);
        }
        if (tls11) {
            chosen.add(ProtocolVersion.TLS1_1);
        }
        if (tls12) {
            chosen.add(ProtocolVersion.TLS1_2);
        }
        if (tls13) {
            chosen.add(ProtocolVersion.TLS1_3);
        }
        if (chosen.isEmpty()) {
            return new ProtocolVersion[] {ProtocolVersion.TLS1_2, ProtocolVersion.TLS1_3};
        }
        return new ProtocolVersion[] {chosen.get(0), chosen.get(chosen.size() - 1)};
    }

    /**
     * Applies versions, suites, certificate, CA file, compression and observers to {@code builder};
     * {@code client} and {@code title} are for the illustrated page, if {@code -html} asks for one.
     */
    TlsConfig.Builder configure(TlsConfig.Builder builder, PrintStream out, boolean client, String title) throws IOException {
        ProtocolVersion[] range = versions();
        builder.versions(range[0], range[1]);
        // The default suites are TLS 1.2 AEAD suites: older versions need CBC suites.
        List<CipherSuite> defaults = range[1].compareTo(ProtocolVersion.TLS1_2) < 0
                ? List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)
                : TlsConfig.DEFAULT_SUITES;
        builder.cipherSuites(defaults);
        if (seclevel != null) {
            builder.securityLevel(seclevel);
        }
        if (cipher != null) {
            CipherString parsed = CipherString.parse(cipher, defaults);
            builder.cipherSuites(parsed.suites());
            parsed.securityLevel().ifPresent(builder::securityLevel);
        }
        if (ciphersuites != null) {
            builder.tls13CipherSuites(tls13Suites(ciphersuites));
        }
        if (groups != null) {
            List<NamedGroup> list = namedGroups(groups);
            builder.namedGroups(list.toArray(NamedGroup[]::new)).keyShareGroups(list.get(0));
        }
        if (cert != null) {
            builder.certificate(Pem.readCertificates(cert), Pem.readPrivateKey(key != null ? key : cert));
        }
        if (caFile != null) {
            builder.trustAnchors(Pem.readCertificates(caFile));
        }
        if (comp) {
            builder.compression(org.layeredtls.record.CompressionMethod.DEFLATE);
        }
        if (crypto != null) {
            builder.cryptoBackend(crypto);
        }
        List<TlsObserver> observers = new ArrayList<>();
        if (trace) {
            observers.add(new TracePrinter(out));
        }
        if (msg) {
            observers.add(new MsgPrinter(out, range[1]));
        }
        if (explain) {
            observers.add(new ExplainPrinter(out));
        }
        if (keyLogFile != null) {
            keyLog = KeyLogWriter.appendingTo(keyLogFile);
            observers.add(keyLog);
        }
        if (html != null) {
            illustrated = new IllustratedSession(client);
            illustrationTitle = title;
            observers.add(illustrated);
        }
        return builder.observer(TlsObservers.of(observers.toArray(TlsObserver[]::new)));
    }

    /** {@code -ciphersuites}: TLS 1.3 suite names, colon-separated; anything else is a error. */
    static List<CipherSuite> tls13Suites(String list) {
        List<CipherSuite> suites = new ArrayList<>();
        for (String name : list.split(":")) {
            suites.add(CipherSuite.fromName(name.trim()).filter(CipherSuite::isTls13).orElseThrow(
                    () -> new IllegalArgumentException("-ciphersuites: no TLS 1.3 suite \"" + name + "\"")));
        }
        return suites;
    }

    /** {@code -groups}: group names as OpenSSL takes them (x25519, P-256 or prime256v1 or secp256r1, ffdhe2048...). */
    static List<NamedGroup> namedGroups(String list) {
        List<NamedGroup> groups = new ArrayList<>();
        for (String name : list.split(":")) {
            String wanted = switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "p-256", "prime256v1" -> "secp256r1";
                case "p-384" -> "secp384r1";
                case "p-521" -> "secp521r1";
                default -> name.trim().toLowerCase(java.util.Locale.ROOT);
            };
            groups.add(java.util.Arrays.stream(NamedGroup.values()).filter(g -> g.rfcName().equalsIgnoreCase(wanted))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("-groups: no group \"" + name + "\"")));
        }
        return groups;
    }

    /** Writes the illustrated page of what was seen so far, if {@code -html} asks for one (again after each connection). */
    void writeIllustration() throws IOException {
        if (illustrated != null) {
            SessionPage.write(illustrated, illustrationTitle, html);
        }
    }

    /** Closes the key log and writes the illustrated page: the end of the command. */
    void closeOutputs() throws IOException {
        if (keyLog != null) {
            keyLog.close();
        }
        writeIllustration();
    }

    /** Copies {@code in} to {@code out} until {@code in} ends; returns quietly when either side goes away. */
    static void pump(InputStream in, java.io.OutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException gone) {
            // the other side closed: the caller reports how the connection ended
        }
    }
}
