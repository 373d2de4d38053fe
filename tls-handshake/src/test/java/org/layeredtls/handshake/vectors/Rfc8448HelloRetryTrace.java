package org.layeredtls.handshake.vectors;

/**
 * RFC 8448 §5 (HelloRetryRequest): the client offers an x25519 share, the server asks for secp256r1 with a cookie, the
 * client's second ClientHello carries both and padding. The server's certificate and key are §3's (see
 * {@link Rfc8448Trace}). Handshake messages with their headers; records as they go on the wire.
 */
final class Rfc8448HelloRetryTrace {

    private Rfc8448HelloRetryTrace() {
    }

    /** RFC 8448 §5: {client} send handshake record: the first ClientHello (an x25519 share only). */
    static final byte[] CLIENT_HELLO_1_RECORD = Rfc8448Trace.hex(""
            + "16030100b4010000b00303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee9258a346677b6f00000613011303"
            + "1302010000810000000b0009000006736572766572ff01000100000a00080006001d00170018003300260024001d0020e8e8"
            + "e3f3b93a25ed97a14a7dcacb8a272c6288e585c6484d05262fcad062ad1f002b0003020304000d0020001e04030503060302"
            + "0308040805080604010501060102010402050206020202002d00020101001c00024001");

    /** RFC 8448 §5: {client} create an ephemeral x25519 key pair: private key. */
    static final byte[] CLIENT_X25519_PRIVATE = Rfc8448Trace.hex("0ed02f8e8117efc75ca7ac32aa7e34eda64cdc0ddad154a5e85289f959f63204");

    /** RFC 8448 §5: {client} create an ephemeral P-256 key pair: private key. */
    static final byte[] CLIENT_P256_PRIVATE = Rfc8448Trace.hex("ab5473467e19346ceb0a0414e41da21d4d2445bc3025afe97c4e8dc8d513da39");

    /** RFC 8448 §5: {server} create an ephemeral P-256 key pair: private key. */
    static final byte[] SERVER_P256_PRIVATE = Rfc8448Trace.hex("8c510601f9765bfb8ed693449a48989859b5cfa879cb9f5443c41c5ff10634ed");

    /** RFC 8448 §5: {server} construct a HelloRetryRequest: secp256r1 asked for, with a cookie. */
    static final byte[] HELLO_RETRY_REQUEST = Rfc8448Trace.hex(""
            + "020000ac0303cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c001301000084003300020017"
            + "002c0074007271dcd04bb88bc3189119398a00000000eefafc76c146b823b096f8aacad365dd0030953f4edf625636e5f21b"
            + "b2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b5eda4aa15b0c8be778257d16aa3030e9e784"
            + "1dd9e4c0342267e8ca0caf571fb2b7cff0f934b0002b00020304");

    /** RFC 8448 §5: {client} construct a ClientHello: the second, with the cookie, a P-256 share and padding. */
    static final byte[] CLIENT_HELLO_2 = Rfc8448Trace.hex(""
            + "010001fc0303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee9258a346677b6f000006130113031302010001"
            + "cd0000000b0009000006736572766572ff01000100000a00080006001d001700180033004700450017004104a6da7392ec59"
            + "1e17abfd535964b99894d13befb221b3def2ebe3830eac8f0151812677c4d6d2237e85cf01d6910cfb83954e76ba73528305"
            + "34159897e8065780002b0003020304000d0020001e0403050306030203080408050806040105010601020104020502060202"
            + "02002c0074007271dcd04bb88bc3189119398a00000000eefafc76c146b823b096f8aacad365dd0030953f4edf625636e5f2"
            + "1bb2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b5eda4aa15b0c8be778257d16aa3030e9e7"
            + "841dd9e4c0342267e8ca0caf571fb2b7cff0f934b0002d00020101001c00024001001500af00000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000");

    /** RFC 8448 §5: {server} construct a ServerHello (a P-256 share). */
    static final byte[] SERVER_HELLO = Rfc8448Trace.hex(""
            + "020000770303bb341d847fd789c47c387172dc0c9bf147fccacb5043d86ca4c598d3ff571b9800130100004f003300450017"
            + "004104583e054b7a66672ae020ad9d2686fcc85b5ad41a134a0f03ee72b893052bd85b4c8de6776f5b04ac07d83540eab3e3"
            + "d9c547bc6528c4317d294686093a6cad7d002b00020304");

    /** RFC 8448 §5: {server} construct an EncryptedExtensions. */
    static final byte[] ENCRYPTED_EXTENSIONS = Rfc8448Trace.hex("080000180016000a0008000600170018001d001c0002400100000000");

    /** RFC 8448 §5: {server} construct a CertificateVerify (RSA-PSS). */
    static final byte[] CERTIFICATE_VERIFY = Rfc8448Trace.hex(""
            + "0f0000840804008033ab13d4462707231b5dcae6c8190b63d1dabc74f28c395370da0b07e5b83066d0246a31acd95df475bf"
            + "d799a4a70d33ad93d3a317a9b2c0d237a5685b219e774112e391a247607d1aeff1bbd0a39f382ee1a5fe88ae99ec59228e64"
            + "97e45d48ce275a6d5ef40d169fb6f9d33b052ed3dcdd6b5a48baafffbcb290128415bd38");

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
