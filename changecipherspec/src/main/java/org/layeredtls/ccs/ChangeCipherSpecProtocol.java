package org.layeredtls.ccs;

import java.io.IOException;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordLayer;

/**
 * The rule the ChangeCipherSpec protocol exists for (RFC 5246 §7.1): sending it makes the pending
 * write state current, receiving it makes the pending read state current. The message itself goes
 * out under the old state; the record after it is the first under the new one.
 *
 * <p>A ChangeCipherSpec that arrives when no pending read state is ready (before the keys exist) is
 * {@code unexpected_message}. Whether a CCS is welcome at this point of the handshake is the
 * handshake's decision: it installs the pending read state exactly when it expects one.
 */
public final class ChangeCipherSpecProtocol {

    private final RecordLayer records;
    private final ChangeCipherSpecObserver observer;

    public ChangeCipherSpecProtocol(RecordLayer records, ChangeCipherSpecObserver observer) {
        this.records = records;
        this.observer = observer == null ? ChangeCipherSpecObserver.NONE : observer;
    }

    /**
     * Sends ChangeCipherSpec and switches the write direction to the pending state.
     *
     * @throws IllegalStateException if no pending write state has been installed (a bug in the caller)
     */
    public void send() throws IOException {
        if (!records.hasPendingWriteState()) {
            throw new IllegalStateException("change_cipher_spec layer: no pending write state to switch to");
        }
        records.write(ContentType.CHANGE_CIPHER_SPEC, ChangeCipherSpec.INSTANCE.encode());
        records.activatePendingWriteState();
        observer.changeCipherSpecSent();
    }

    /**
     * Handles the content of a received ChangeCipherSpec record.
     *
     * @throws TlsAlertException {@code unexpected_message} for a malformed message or when no
     *         pending read state is ready
     */
    public void receive(byte[] content) throws TlsAlertException {
        ChangeCipherSpec.decode(content);
        records.activatePendingReadState();
        observer.changeCipherSpecReceived();
    }
}
