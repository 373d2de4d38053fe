package org.layeredtls.handshake.conversation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.handshake.research.OpenSslProcess;

/**
 * OpenSSL as the probed peer: one {@code openssl s_server} for every client-role probe (it serves connections
 * one after the other), and one {@code openssl s_client} per server-role probe. Both get the catalogue's suites.
 */
final class OpenSslTarget implements ProbeTarget {

    /** The suites both servers enable, so that the two answer the same offers: ECDHE and RSA, AES-GCM and AES-CBC. */
    static final String CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:AES128-GCM-SHA256:AES128-SHA";

    private final OpenSslProcess server;

    OpenSslTarget() {
        this.server = OpenSslProcess.server("-cert", CataloguePki.file("server.pem"), "-key",
                CataloguePki.file("server.key"), "-no_tls1_3", "-cipher", CIPHERS);
    }

    @Override
    public String name() {
        return "OpenSSL";
    }

    @Override
    public ConversationResult runAgainstServer(Conversation conversation) throws IOException {
        return conversation.runAsClient("127.0.0.1", server.port());
    }

    @Override
    public ConversationResult runFacingClient(Conversation conversation) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> args = new ArrayList<>(List.of("-no_tls1_3", "-CAfile", CataloguePki.file("ca.pem"),
                    "-servername", "localhost", "-cipher", CIPHERS));
            try (OpenSslProcess client = OpenSslProcess.client(listener.getLocalPort(), args.toArray(String[]::new))) {
                return conversation.runAsServer(listener);
            }
        }
    }

    @Override
    public void askServerToRenegotiate(Conversation conversation) {
        // s_server's "r" command: it sends HelloRequest on the current connection
        conversation.act("tell s_server to renegotiate (stdin \"r\")", () -> server.write("r\n"));
    }

    @Override
    public void close() {
        server.close();
    }
}
