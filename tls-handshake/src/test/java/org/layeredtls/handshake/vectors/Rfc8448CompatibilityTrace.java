package org.layeredtls.handshake.vectors;

/**
 * RFC 8448 §7 (Compatibility Mode, RFC 8446 §D.4): §3's handshake with a 32-byte legacy_session_id and a
 * change_cipher_spec from each side; the server's certificate, key and EncryptedExtensions are §3's. Handshake
 * messages with their headers (read from the server's record with the trace's keys); records as on the wire.
 */
final class Rfc8448CompatibilityTrace {

    private Rfc8448CompatibilityTrace() {
    }

    /** RFC 8448 §7: {client} send handshake record (ClientHello with a 32-byte legacy_session_id). */
    static final byte[] CLIENT_HELLO_RECORD = Rfc8448Trace.hex(""
            + "16030100e0010000dc03034e640a3f2c2738f09c9418bd78edccd7559d0531199276d4d92a0e9ee9d77d0920a80c165581a8"
            + "e0d06c0018d54d3a06dd32cfd4051eb026fad3fd0ba99269e6ef00061301130313020100008d0000000b0009000006736572"
            + "766572ff01000100000a00140012001d00170018001901000101010201030104003300260024001d00208e7292cf3056dbb0"
            + "d25fcbe55c107dc9bbf83dd9708f39203ba341249a7d9b63002b0003020304000d0020001e04030503060302030804080508"
            + "0604010501060102010402050206020202002d00020101001c00024001");

    /** RFC 8448 §7: {client} create an ephemeral x25519 key pair: private key. */
    static final byte[] CLIENT_X25519_PRIVATE = Rfc8448Trace.hex("dea00b45695dc781f19d34a62c1afd31ab4369af1e855a3bbb258d8442cde6d7");

    /** RFC 8448 §7: {server} create an ephemeral x25519 key pair: private key. */
    static final byte[] SERVER_X25519_PRIVATE = Rfc8448Trace.hex("017c38a3647921ca2d9ed6bd7ae7132b94211b1331bb208c8ccdd51556409995");

    /** RFC 8448 §7: {server} send handshake record (ServerHello, echoing the session id). */
    static final byte[] SERVER_HELLO_RECORD = Rfc8448Trace.hex(""
            + "160303007a020000760303e5dd5948c435f7a38f0f0130708dc322d9df09abd4838117c183a7bb6d994f2c20a80c165581a8"
            + "e0d06c0018d54d3a06dd32cfd4051eb026fad3fd0ba99269e6ef130100002e00330024001d00203e30f0f4ba551afd627683"
            + "41175f5265e4daf0c8841617aa4fafdd2142320c22002b00020304");

    /** RFC 8448 §7: {server} construct a CertificateVerify (RSA-PSS). */
    static final byte[] CERTIFICATE_VERIFY = Rfc8448Trace.hex(""
            + "0f00008408040080a2301a68dd1ceee6938fe9d40c46b9201b34d59952a37e06523a39cf8ba6c9c8b68ae94492af780516ed"
            + "7b73c82812e99dd3fabea45e09d9c6848721c2808c61501b0c75e7fcaba5f78bef68a2c2b69b19558b3e40387eea93d25c77"
            + "81c1cc00e9f519f7e2e4adb73e76d66089000a2dc866c2ed30bba50a0d457f19dc6eb9f3");

    /** RFC 8448 §7: {server} and {client} send change_cipher_spec record. */
    static final byte[] CHANGE_CIPHER_SPEC_RECORD = Rfc8448Trace.hex("140303000101");

    /** RFC 8448 §7: {server} send handshake record: EncryptedExtensions..Finished in one record. */
    static final byte[] SERVER_FLIGHT_RECORD = Rfc8448Trace.hex(""
            + "17030302a248de891d9c3624a67a6c6f0601ab7ac20c1f6a9e14d2e6007e999e130367a8af1bcfea9498fbce19df4505eece"
            + "3a25da523cbe55ea1b3bda4e91995e455d500a4faa6227b7111e1c8547e2d7c179db215303d25827f3cd18f48f6491328cf5"
            + "c0f814d388150bd9e9264aae491db6995069bea17665d5e0c817284d4ac21880054c3657331e23a9304dc88a15c04ec80bd3"
            + "852bf7f9d3c6615b15fac83bbca031c6d2310d9f5d7a4b020a4f7c19062b65c05a1d3264b557ec9d8e0f7cee27e36f793039"
            + "de8dd96edfca9009e0651034bff31d7f349eece01d99fcb5fcab840d7707c72299c3b5d04564e880a33c5e846c762e3d922b"
            + "b55303d1d87cc0f06573f17dcb9b8ffd35bbd883c1cb3aa24fcc325005f768ce2fb624ca97b6c4d98e17f35bc2c7940a0610"
            + "0c2d448db7180b2d862164435c9c210e9860394e05aab23ff1b0203f662c588da5bc4411477a30b41136c488a0a63fcab5c1"
            + "5ac613226dae827a1d1fe95ece6b30bcee1560a8d408d264555e760f9bfc624c2c87fd0456c9bfb41bcd1a7b212786d2b67f"
            + "d57804facfa1eef7cf2919d8b998c9789f763b4d9caa093a9ded43175d46a76b4d54f0ce0c5d2259b607e30a9d241263874f"
            + "a59d6f570dc40d83a2d83bf9e9850d454c57806535a8998ae0357df92f00b9667344c24114ccc9ef539124b204e7e6e748c3"
            + "0a28a3d1d183997243eaccbbd33b0c1115a0327106a1e6a75271d4983086f632ff0eb8b4c63102cbcef5bb72dae1279d5de8"
            + "eb19096d8cdb07fa8ea989788fac23e66e0488c193f3f3fea8c8838896bf3ae4b6848d42ced4bdf41abe6fc331b44225e7a1"
            + "f7d3564147d5458e71aa909cb02be958bbc42e3aa5a27cc6eaf4b6fe51ae4495694d8ab6320aab920183fd5b31a359042fbd"
            + "67391ec5e4d1892a2e5210141a494e9301b24a113c474c7f2a73457847");

    /** RFC 8448 §7: {client} send handshake record (Finished). */
    static final byte[] CLIENT_FINISHED_RECORD = Rfc8448Trace.hex(""
            + "170303003532d030e273773a8696c799981af6ced07f87482e81565e394e87c867f33df3d65b7506f1a626af91d4821d5f7a"
            + "1f210ef8dd3c6d16");

    /** RFC 8448 §7: {client} send alert record (close_notify). */
    static final byte[] CLIENT_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("17030300130f629155382dba23c4e2c5f7f84e6f2ed3083d");

    /** RFC 8448 §7: {server} send alert record (close_notify). */
    static final byte[] SERVER_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("1703030013b7257b0fecaf69d4f09e3f891e2a25d1e28845");
}
