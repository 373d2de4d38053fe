package org.layeredtls.bench.peer;

import java.io.IOException;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * A bctls client and server protocol in non-blocking mode ({@code offerInput}/{@code readOutput}),
 * wired to each other in memory on the calling thread, as {@code EnginePair} does for LayeredTLS.
 */
final class BctlsPair {

    final TlsClientProtocol client = new TlsClientProtocol();
    final TlsServerProtocol server = new TlsServerProtocol();
    private byte[] transfer = new byte[1 << 14];

    /** Runs the handshake to its end. */
    BctlsPair(BctlsClient tlsClient, BctlsServer tlsServer) throws IOException {
        server.accept(tlsServer);
        client.connect(tlsClient);
        while (move(client, server) + move(server, client) > 0) {
            // until neither side has anything more to send
        }
        if (client.isHandshaking() || server.isHandshaking()) {
            throw new IOException("bctls pair: the handshake stalled");
        }
    }

    /** Moves what {@code from} has written to {@code to}'s input; returns how many bytes moved. */
    int move(TlsProtocol from, TlsProtocol to) throws IOException {
        int n = from.getAvailableOutputBytes();
        if (n == 0) {
            return 0;
        }
        if (transfer.length < n) {
            transfer = new byte[n];
        }
        from.readOutput(transfer, 0, n);
        to.offerInput(transfer, 0, n);
        return n;
    }
}
