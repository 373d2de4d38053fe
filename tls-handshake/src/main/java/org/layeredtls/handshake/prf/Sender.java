package org.layeredtls.handshake.prf;

/**
 * Which side sends a Finished message. TLS puts it in the PRF label (RFC 5246 §7.4.9:
 * {@code "client finished"} / {@code "server finished"}); SSL 3.0 hashes a four-byte code
 * (RFC 6101 §5.6.9: {@code enum { client(0x434C4E54), server(0x53525652) } Sender}, "CLNT" and "SRVR").
 */
public enum Sender {
    CLIENT("client finished", 0x434C4E54),
    SERVER("server finished", 0x53525652);

    private final String finishedLabel;
    private final int ssl3Code;

    Sender(String finishedLabel, int ssl3Code) {
        this.finishedLabel = finishedLabel;
        this.ssl3Code = ssl3Code;
    }

    /** The TLS PRF label of this side's Finished message. */
    public String finishedLabel() {
        return finishedLabel;
    }

    /** The SSL 3.0 Sender value, four bytes in network order. */
    public byte[] ssl3Code() {
        return new byte[] {
            (byte) (ssl3Code >>> 24), (byte) (ssl3Code >>> 16), (byte) (ssl3Code >>> 8), (byte) ssl3Code
        };
    }
}
