package org.layeredtls.handshake.conversation;

/**
 * A session a conversation established, to offer again in another one (RFC 5246 §7.4.1.2: a non-empty
 * session_id in the ClientHello). Holds the master secret: for experiments only, never logged.
 *
 * @param sessionId             the id the server gave
 * @param masterSecret          48 bytes
 * @param cipherSuite           the suite's code
 * @param extendedMasterSecret  whether the master secret is RFC 7627's
 */
public record ResumableSession(byte[] sessionId, byte[] masterSecret, int cipherSuite, boolean extendedMasterSecret) {

    public ResumableSession {
        sessionId = sessionId.clone();
        masterSecret = masterSecret.clone();
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public byte[] masterSecret() {
        return masterSecret.clone();
    }

    @Override
    public String toString() {
        return "ResumableSession[" + java.util.HexFormat.of().formatHex(sessionId) + ", suite "
                + String.format("0x%04x", cipherSuite) + (extendedMasterSecret ? ", extended master secret" : "") + "]";
    }
}
