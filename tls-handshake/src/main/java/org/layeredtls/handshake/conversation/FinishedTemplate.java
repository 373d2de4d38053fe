package org.layeredtls.handshake.conversation;

import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.prf.Sender;

/**
 * The client's Finished (RFC 5246 §7.4.9): {@code PRF(master_secret, "client finished",
 * Hash(handshake_messages))[0..11]} over the transcript so far. {@link #verifyData} sends other bytes;
 * before any master secret exists it sends zeros (an "early Finished").
 */
public final class FinishedTemplate implements OutgoingMessage {

    private byte[] verifyData;

    FinishedTemplate() {
    }

    @Override
    public int type() {
        return HandshakeType.FINISHED.code();
    }

    /** Sends these bytes as verify_data instead of the right ones. */
    public FinishedTemplate verifyData(byte[] bytes) {
        this.verifyData = bytes.clone();
        return this;
    }

    @Override
    public byte[] body(HandshakeSecrets secrets) {
        byte[] body = verifyData != null ? verifyData.clone() : secrets.finishedVerifyData(Sender.CLIENT);
        secrets.clientFinishedSent(body);
        return body;
    }

    @Override
    public String toString() {
        return "finished";
    }
}
