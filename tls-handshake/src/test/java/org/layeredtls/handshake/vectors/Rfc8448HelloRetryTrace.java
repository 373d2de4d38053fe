package org.layeredtls.handshake.vectors;

/**
 * RFC 8448 §5 (HelloRetryRequest): the client offers an x25519 share, the server asks for secp256r1 with a cookie, the
 * client's second ClientHello carries both and padding. The server's certificate and key are §3's (see
 * {@link Rfc8448Trace}). Its handshake messages in clear are in {@link org.layeredtls.handshake.prf.Rfc8448} (the key
 * schedule's vectors); the protected records are here, as they go on the wire.
 */
final class Rfc8448HelloRetryTrace {

    private Rfc8448HelloRetryTrace() {
    }

    /** RFC 8448 §5: {client} create an ephemeral x25519 key pair: private key. */
    static final byte[] CLIENT_X25519_PRIVATE = Rfc8448Trace.hex("0ed02f8e8117efc75ca7ac32aa7e34eda64cdc0ddad154a5e85289f959f63204");

    /** RFC 8448 §5: {server} send handshake record: EncryptedExtensions..Finished in one record. */
    static final byte[] SERVER_FLIGHT_RECORD = Rfc8448Trace.hex(""
            + "170303029699bee20baf5b7fc727bfab6223928a381e6d0cf9c4da653f9d2a7b23f7de11cce842d5cf75631763450ffb8b0c"
            + "c1d238e658af7a12adc86243114ab14a1da2fae42621ce483fb6242eabfaad52566b02b31d2eddedefeb80e66a9900d5f973"
            + "b40c4fdf74719ecf1b68d7f9c3b6ceb903ca13dd1bb8f8187ae33417e1d152522c5822a1a03ad52c838c55953d610222874c"
            + "ce8e1790b229a2aa0b53c8d377ee720182951dc6181dc5d90bd1f0105ed1e84aa5f75957c6661897079e5ea5007449e3197b"
            + "dc7c9beeedddeafdd844afa5c315ecfe65e576afe909812880620ec7048b42d7f5c78d76f299d6d82534bdd8f512febc0ed3"
            + "814aca470cd8000d3e1cb9962b052fbb950df683a52c2ba77ed3713b122937a6e5170964e2ab7969dcd980b3db9b458da760"
            + "3124d6dc005e4d6e04b4d0c4baf3275db827dbba0a6db09672171fc057b3851d7e026841e2978fbd2346bbefdd0376bb1108"
            + "fe9acc92189f5650aa5e85d8e8c7b67ac510dba003d3d7e16350bb66d45013efd44c9b607c0d318c4c7d1a1f5cbc57e20611"
            + "804e3787d7b4a4b5f08ed8fd70bdaeade02260b12ab842ef690b4a3ee7911e841b374ecd5ebbbc2a54d047b600336dd7d0c8"
            + "8b4bc10e58ee6cb656de7247fa20d8e91deb84628608cf80615b62e96c1491c7ac3755eb6901405d3474fe1ac79d106a0cee"
            + "56c2577fc88480f96cb6b8c681b7b68b53c146093908f350888175bdfb0b1e31ad61e30ba0adfe6d223aa03c0783b5001a57"
            + "587c328a9afcfcfb978d1cd4328f7d9d60530e630befd96c0c816ee20b0100768ae2a6df51fc68f172740a79af11398ee3be"
            + "1252491fa9c693479e877f94ab7c5f8cad480203e6ab7b87dd71e8a0729113df17f5eee86ce108d1d72007ec1cd13c85a6c1"
            + "49621e77b7d78d805a30f0be030c315e54");

    /** RFC 8448 §5: {client} send handshake record (Finished). */
    static final byte[] CLIENT_FINISHED_RECORD = Rfc8448Trace.hex(""
            + "1703030035d74f1923c662fd34137c6f502f3dd2b93d951d1b3bc97e42afe23c31abea92fe91b474999e85e3b791ce252fe8"
            + "c3e9f939a4120cb2");

    /** RFC 8448 §5: {client} send alert record (close_notify). */
    static final byte[] CLIENT_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("17030300132ea6cdf749196023e2b3a49491695536426047");

    /** RFC 8448 §5: {server} send alert record (close_notify). */
    static final byte[] SERVER_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("1703030013519fc5075cb0884349759ff9ef6f011bb4c6f2");
}
