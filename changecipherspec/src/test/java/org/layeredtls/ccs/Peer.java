package org.layeredtls.ccs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.layeredtls.alert.AlertProtocol;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordDispatcher;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;

/**
 * One end of a loopback connection made of the three lower layers only: a record layer on a real
 * socket, the Alert protocol and the ChangeCipherSpec protocol writing through it, and a dispatcher
 * that hands records to them. Handshake and application records are collected in order.
 */
final class Peer implements AutoCloseable {

    final Socket socket;
    final RecordLayer records;
    final AlertProtocol alerts;
    final ChangeCipherSpecProtocol ccs;
    final RecordDispatcher dispatcher;
    final List<TLSPlaintext> received = new ArrayList<>();
    boolean sessionInvalidated;

    Peer(Socket socket) throws IOException {
        this(socket, socket.getOutputStream());
    }

    /** A peer that writes through {@code out}, for tests that tamper with the bytes on the way. */
    Peer(Socket socket, OutputStream out) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        records = new RecordLayer(in, out, socket);
        alerts = new AlertProtocol(records, () -> sessionInvalidated = true, null);
        ccs = new ChangeCipherSpecProtocol(records, null);
        dispatcher = new RecordDispatcher(records)
                .on(ContentType.ALERT, r -> alerts.receive(r.fragment()))
                .on(ContentType.CHANGE_CIPHER_SPEC, r -> ccs.receive(r.fragment()))
                .on(ContentType.HANDSHAKE, received::add)
                .on(ContentType.APPLICATION_DATA, received::add);
    }

    /**
     * Reads records until one of handshake or application data arrives, the peer closes, or an
     * error: an error found here is answered with its fatal alert, as a connection would.
     *
     * @return the record, or {@code null} at the end of the peer's data
     */
    TLSPlaintext next() throws IOException {
        int before = received.size();
        try {
            while (received.size() == before) {
                if (alerts.isInboundClosed() || !dispatcher.dispatchNext()) {
                    return null;
                }
            }
        } catch (TlsAlertException e) {
            throw alerts.fail(e);
        }
        return received.get(before);
    }

    void send(ContentType type, byte[] data) throws IOException {
        records.write(type, data);
        records.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
