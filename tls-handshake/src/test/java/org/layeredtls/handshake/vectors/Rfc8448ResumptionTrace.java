package org.layeredtls.handshake.vectors;

/**
 * RFC 8448 §4 (Resumed 0-RTT Handshake): the client resumes §3's session with the ticket §3's server sent, sends
 * 0-RTT data, and both sides run a psk_dhe_ke handshake (a fresh x25519 exchange). The ClientHello and the client's
 * x25519 key are in {@link org.layeredtls.handshake.prf.Rfc8448}; the other records are here, as on the wire.
 */
final class Rfc8448ResumptionTrace {

    private Rfc8448ResumptionTrace() {
    }

    /** RFC 8448 §4: {client} send application_data record: the 0-RTT data, under the client early traffic key. */
    static final byte[] EARLY_DATA_RECORD = Rfc8448Trace.hex("1703030017ab1df420e75c457a7cc5d2844f76d5aee4b4edbf049be0");

    /** RFC 8448 §4: {server} send handshake record (ServerHello selecting PSK identity 0). */
    static final byte[] SERVER_HELLO_RECORD = Rfc8448Trace.hex(""
            + "16030300600200005c03033ccfd2dec890222763472ae8136777c9d7358777bb66e91ea5122495f559ea2d00130100003400"
            + "290002000000330024001d0020121761ee42c333e1b9e77b60dd57c2053cd94512ab47f115e86eff50942cea31002b000203"
            + "04");

    /** RFC 8448 §4: {server} send handshake record: EncryptedExtensions (early_data accepted) and Finished. */
    static final byte[] SERVER_FLIGHT_RECORD = Rfc8448Trace.hex(""
            + "1703030061dc48237b4b879f50d0d4d262ea8b4716eb40ddc1eb957e11126e8a7149c2d012d37a7115957e64ce30008b9e03"
            + "23f2c05a9c1c77b4f37849a695ab255060a33fee770ca95cb8486bfd0843b87024865ca35cc41c4e515c64dcb1369f98635b"
            + "c7a5");

    /** RFC 8448 §4: {client} send handshake record (EndOfEarlyData, under the client early traffic key). */
    static final byte[] END_OF_EARLY_DATA_RECORD = Rfc8448Trace.hex("1703030015aca6fc944841298df99593725f9bf9754429b12f09");

    /** RFC 8448 §4: {client} send handshake record (Finished, over the transcript with EndOfEarlyData). */
    static final byte[] CLIENT_FINISHED_RECORD = Rfc8448Trace.hex(""
            + "170303003500f8b467d14cf22a4b3f0b6ae0d8e6cc8d08e0db3515ef5c2bdf1922eafbb70009964716d834fb70c3d2a56c5b"
            + "1f5f6bdba6c333cf");

    /** RFC 8448 §4: {client} send application_data record (00 01 .. 31). */
    static final byte[] CLIENT_APPLICATION_DATA_RECORD = Rfc8448Trace.hex(""
            + "1703030043b1cebce242aa201be9ae5e1cb2a9aa4b33d4e866af1edb068919237741aa031d7a74d491c99b9d4e232b74206b"
            + "c6fbaa04fe78be44a9b4f54320a17eb76992afac3103");

    /** RFC 8448 §4: {server} send application_data record (00 01 .. 31). */
    static final byte[] SERVER_APPLICATION_DATA_RECORD = Rfc8448Trace.hex(""
            + "1703030043275e9f20acff57bc000657d3867df039cccf79047884cf75771746f740b5a83f462a0954c3581393a203a25a7d"
            + "d14141ef1a37900cdb62ff62dee1ba39ab2590cbf194");

    /** RFC 8448 §4: {client} send alert record (close_notify). */
    static final byte[] CLIENT_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("17030300130facce3246bdfc6369838d6a82ae6de5d422dc");

    /** RFC 8448 §4: {server} send alert record (close_notify). */
    static final byte[] SERVER_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("17030300135b18af444e8e1eec7158fb62d8f2577d37ba5d");
}
