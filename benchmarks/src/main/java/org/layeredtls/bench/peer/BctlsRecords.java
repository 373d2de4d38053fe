package org.layeredtls.bench.peer;

import java.io.IOException;

import org.layeredtls.bench.idle.BenchmarkPki;

/**
 * bctls's record path: a client and a server protocol handshaken in memory with one suite (TLS 1.2, the
 * RSA chain, MAC-then-encrypt for CBC); {@link #seal} is the client's {@code writeApplicationData} of one
 * record and the {@code readOutput} of it, {@link #open} the server's {@code offerInput} and {@code readInput}.
 */
public final class BctlsRecords {

    private final BctlsPair pair;
    private final byte[] plaintext;
    private final byte[] received;
    private final byte[] record;
    private int recordLength;

    /** {@code bcCrypto}: bctls's BouncyCastle crypto, else its JCA crypto on the JDK's providers. */
    public BctlsRecords(BenchmarkPki pki, int suite, boolean bcCrypto, int recordSize) throws Exception {
        pair = new BctlsHandshakes(pki, suite, bcCrypto ? BctlsCrypto.BC : BctlsCrypto.JCA).pair();
        plaintext = new byte[recordSize];
        received = new byte[recordSize];
        record = new byte[recordSize + 2048];
    }

    /** The client seals one record; returns its length (header included). */
    public int seal() throws IOException {
        pair.client.writeApplicationData(plaintext, 0, plaintext.length);
        recordLength = pair.client.readOutput(record, 0, record.length);
        return recordLength;
    }

    /** The server opens the record {@link #seal} made; returns the plaintext length. */
    public int open() throws IOException {
        pair.server.offerInput(record, 0, recordLength);
        return pair.server.readInput(received, 0, received.length);
    }
}
