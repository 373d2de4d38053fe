package org.layeredtls.handshake.relay;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.util.Arrays;

import org.layeredtls.handshake.trace.TracePrinter;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.RecordLimits;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSPlaintext;

/**
 * One client connection and the relay's connection to the server: a thread per direction, one
 * interceptor and one decryptor for both. Says, one line each, how each side ended: a TCP close
 * (EOF), a reset, or the interceptor's truncation.
 */
final class RelayConnection {

    private final Socket client;
    private final Socket server;
    private final RelayInterceptor interceptor;
    private final RelayDecryptor decryptor;
    private final TracePrinter trace;
    private final PrintStream out;
    private volatile boolean truncated;

    RelayConnection(Socket client, Socket server, RelayInterceptor interceptor, RelayDecryptor decryptor,
                    PrintStream out) {
        this.client = client;
        this.server = server;
        this.interceptor = interceptor;
        this.decryptor = decryptor;
        this.trace = new TracePrinter(out, true);
        this.out = out;
    }

    /** Relays both directions until both have ended; closes both sockets. */
    void run() throws InterruptedException {
        try {
            Thread toServer = new Thread(new RelayDirection(Direction.CLIENT_TO_SERVER, input(client), output(server), this),
                    "relay client -> server");
            Thread toClient = new Thread(new RelayDirection(Direction.SERVER_TO_CLIENT, input(server), output(client), this),
                    "relay server -> client");
            toServer.start();
            toClient.start();
            toServer.join();
            toClient.join();
        } catch (IOException e) {
            say("relay: " + e.getMessage());
        } finally {
            closeQuietly();
        }
    }

    RelayInterceptor interceptor() {
        return interceptor;
    }

    RelayDecryptor decryptor() {
        return decryptor;
    }

    /** Prints a record about to be forwarded, opened when the key log allows. */
    void traced(Direction direction, RecordHeader header, byte[] record) {
        String title = direction.label() + " Record";
        if (header == null) {
            say(title + " (not a record the record layer accepts): " + java.util.HexFormat.of().formatHex(record));
            return;
        }
        byte[] fragment = Arrays.copyOfRange(record, RecordLimits.HEADER_LENGTH, record.length);
        TLSCiphertext ciphertext = new TLSCiphertext(header.type(), header.version(), fragment);
        RelayDecryptor.Opened opened = decryptor.open(direction, header, fragment);
        TLSPlaintext plaintext = opened.plaintext() == null ? null
                : new TLSPlaintext(header.type(), header.version(), opened.plaintext());
        trace.recordRelayed(title, direction.fromClient(), plaintext, ciphertext, opened.whyNot());
    }

    /** The sender closed its side: pass the half-close on (the receiver sees EOF, as it would without us). */
    void ended(Direction direction, int unfinishedRecordBytes) {
        if (truncated) {
            return;
        }
        say("relay: " + sender(direction) + " closed its TCP connection (EOF)"
                + (unfinishedRecordBytes > 0 ? " in the middle of a record (" + unfinishedRecordBytes + " bytes)" : ""));
        try {
            (direction.fromClient() ? server : client).shutdownOutput();
        } catch (IOException alreadyGone) {
            closeQuietly();
        }
    }

    void failed(Direction direction, IOException e) {
        if (truncated) {
            return;
        }
        say("relay: reading from the " + sender(direction) + " failed: " + e.getMessage());
        closeQuietly();
    }

    /** The interceptor's truncation: both TCP connections end here, the record is never forwarded. */
    void truncate(Direction direction, RecordHeader header) {
        truncated = true;
        say("relay: interceptor truncated the connection: " + direction.label() + " "
                + (header == null ? "record" : header.type().name().toLowerCase() + " record") + " not forwarded,"
                + " both TCP connections closed");
        closeQuietly();
    }

    private static String sender(Direction direction) {
        return direction.fromClient() ? "client" : "server";
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void closeQuietly() {
        for (Socket s : new Socket[] {client, server}) {
            try {
                s.close();
            } catch (IOException ignoredOnClose) {
                // closing a socket that is already gone: nothing left to do
            }
        }
    }

    private static java.io.InputStream input(Socket s) throws IOException {
        return s.getInputStream();
    }

    private static java.io.OutputStream output(Socket s) throws IOException {
        return s.getOutputStream();
    }
}
