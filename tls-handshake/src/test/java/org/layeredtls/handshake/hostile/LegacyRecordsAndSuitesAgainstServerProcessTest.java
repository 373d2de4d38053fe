package org.layeredtls.handshake.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.research.OpenSslProcess;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.handshake.testing.RawPeer;
import org.layeredtls.handshake.testing.Reply;

/**
 * The record-format and suite bullets end to end against the {@code layeredtls server} process: the
 * BEAST 1/n-1 split seen by {@code openssl s_client -msg}, renegotiation_info in the SSL 3.0 ServerHello after
 * the SCSV, and the CBC SHA-384 suites with {@code openssl s_client}; each ends with a client served.
 */
class LegacyRecordsAndSuitesAgainstServerProcessTest {

    /** A received record's header as {@code s_client -msg} prints it: "<<< ... RecordHeader [length 0005]" then its hex. */
    private static final Pattern RECEIVED_HEADER = Pattern.compile(
            "<<< [^\\n]*RecordHeader \\[length 0005\\]\\s*\\n\\s*([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2})");
    private static final int APPLICATION_DATA = 0x17;

    private final List<ServerUnderTest> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(ServerUnderTest::close);
    }

    private ServerProcess process(String certificate, String... options) throws Exception {
        ServerProcess server = ServerProcess.startWithCertificate(certificate, options);
        started.add(server);
        return server;
    }

    /** The ciphertext lengths of the application data records s_client received after output offset {@code from}. */
    private static List<Integer> applicationDataRecordLengths(String output, int from) {
        List<Integer> lengths = new ArrayList<>();
        Matcher m = RECEIVED_HEADER.matcher(output);
        m.region(from, output.length());
        while (m.find()) {
            if (Integer.parseInt(m.group(1), 16) == APPLICATION_DATA) {
                lengths.add(Integer.parseInt(m.group(4) + m.group(5), 16));
            }
        }
        return lengths;
    }

    @Test
    void tls10CbcApplicationDataFromTheServerIsSplitOneAndNMinusOne() throws Exception {
        ServerProcess server = process("server", "-echo", "-tls1", "-cipher", "AES128-SHA:@SECLEVEL=0");
        try (OpenSslProcess client = OpenSslProcess.client(server.port(), "-tls1", "-cipher", "AES128-SHA:@SECLEVEL=0",
                "-msg", "-ign_eof")) {
            client.awaitOutput("Verify return code");
            int from = client.output().length();
            client.write("hello beast\n"); // 12 bytes, echoed in one write
            // s_client prints each record's plaintext after its -msg header lines: "h", then "ello beast".
            client.awaitOutput("ello beast");
            String received = client.output().substring(from);
            List<Integer> lengths = applicationDataRecordLengths(client.output(), from);
            assertEquals(2, lengths.size(), () -> "application data records " + lengths + "\n" + received + "\n" + server.log());
            assertTrue(Pattern.compile("17 03 01 [0-9a-f]{2} [0-9a-f]{2}\\s*\\nh<<< ").matcher(received).find(),
                    () -> "the first record does not hold the one byte \"h\":\n" + received);
        }
    }

    @Test
    void theSsl3ServerHelloCarriesRenegotiationInfoAfterTheScsv() throws Exception {
        ServerProcess server = process("server", "-echo", "-ssl3", "-cipher", "AES128-SHA:@SECLEVEL=0");
        Hello ssl3 = Hello.defaults().version(ProtocolVersion.SSL3_0).withoutExtensions()
                .suites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.recordVersion(ProtocolVersion.SSL3_0).sendHandshake(ssl3.message());
            Reply reply = peer.awaitHandshake(HandshakeType.SERVER_HELLO_DONE, RawPeer.BOUND);
            ServerHello hello = reply.serverHello().orElseThrow(() -> new AssertionError(reply + "\n" + server.log()));
            assertEquals(ProtocolVersion.SSL3_0, hello.serverVersion());
            // RFC 5746 §3.6: the SCSV gets an empty renegotiation_info, whatever the version (OpenSSL's SSL 3.0 client insists).
            Optional<Extension> info = hello.extensions().flatMap(e -> e.find(ExtensionType.RENEGOTIATION_INFO));
            assertTrue(info.isPresent(), () -> "no renegotiation_info in " + hello);
            assertEquals("00", HexFormat.of().formatHex(info.get().data()));
        }
        TlsConfig ssl3Client = HostilePki.client().securityLevel(0).versions(ProtocolVersion.SSL3_0, ProtocolVersion.SSL3_0)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build();
        NormalClient.echoes(server, ssl3Client);
    }

    @Test
    void theCbcSha384SuitesServeOpenSslClients() throws Exception {
        for (String[] suite : new String[][] {{"server", "ECDHE-RSA-AES256-SHA384"}, {"server-ec", "ECDHE-ECDSA-AES256-SHA384"}}) {
            ServerProcess server = process(suite[0], "-echo", "-cipher", suite[1]);
            try (OpenSslProcess client = OpenSslProcess.client(server.port(), "-tls1_2", "-cipher", suite[1],
                    "-CAfile", HostilePki.file("ca.pem").toString(), "-ign_eof")) {
                client.awaitOutput("Cipher is " + suite[1]);
                client.write("sha384 echo\n");
                client.awaitOutput("sha384 echo");
                assertTrue(client.output().contains("Verify return code: 0 (ok)"), client::output);
            }
            NormalClient.echoes(server, HostilePki.client().cipherSuites(CipherSuite.valueOf(
                    suite[1].startsWith("ECDHE-RSA") ? "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384" : "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384")).build());
        }
    }
}
