package org.layeredtls.handshake.vectors;

/**
 * RFC 8448 §6 (Client Authentication): the server (an ECDSA P-256 certificate) asks for a certificate, the client sends
 * one with an RSA key. The RFC gives neither of these private keys. The handshake messages inside the protected
 * records were read from them with the trace's handshake traffic keys.
 */
final class Rfc8448ClientAuthTrace {

    private Rfc8448ClientAuthTrace() {
    }

    /** RFC 8448 §6: {client} send handshake record (ClientHello). */
    static final byte[] CLIENT_HELLO_RECORD = Rfc8448Trace.hex(""
            + "16030100c0010000bc03036a472236328b83af40386d3a3e1f1ce624fa4ed89ab865a4ff0f4144ce3ae23300000613011303"
            + "13020100008d0000000b0009000006736572766572ff01000100000a00140012001d00170018001901000101010201030104"
            + "003300260024001d0020089cc2671f738d9a671e5b2e464981d05b76e361aa22aea91f1d49ca10a7a362002b000302030400"
            + "0d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101001c00024001");

    /** RFC 8448 §6: {client} create an ephemeral x25519 key pair: private key. */
    static final byte[] CLIENT_X25519_PRIVATE = Rfc8448Trace.hex("c040b2bb8f3addd20fd4058c547003a3c6f9c1cd915d5e535c87d8d191aaf071");

    /** RFC 8448 §6: {server} create an ephemeral x25519 key pair: private key. */
    static final byte[] SERVER_X25519_PRIVATE = Rfc8448Trace.hex("7382a5ad1cdd2056ae18cc708bd007d98130dbe2cd4d9ead9b96952becbb0888");

    /** RFC 8448 §6: {server} send handshake record (ServerHello). */
    static final byte[] SERVER_HELLO_RECORD = Rfc8448Trace.hex(""
            + "160303005a0200005603033b50fdf1c3d572e40e68953e7fff4e2758459c59afa0582c0ea032874255fe6e00130100002e00"
            + "330024001d00206c2e50e865919a6b5a12dfaf918f92b442567b0f89bc54478c6921366658f062002b00020304");

    /** RFC 8448 §6: {server} construct an EncryptedExtensions. */
    static final byte[] ENCRYPTED_EXTENSIONS = Rfc8448Trace.hex("080000240022000a00140012001d00170018001901000101010201030104001c0002400100000000");

    /** RFC 8448 §6: {server} construct a CertificateRequest. */
    static final byte[] CERTIFICATE_REQUEST = Rfc8448Trace.hex("0d000027000024000d0020001e040305030603020308040805080604010501060102010402050206020202");

    /** RFC 8448 §6: {server} construct a Certificate (CN "ecdsa256", P-256). */
    static final byte[] SERVER_CERTIFICATE = Rfc8448Trace.hex(""
            + "0b00013b000001370001323082012e3081d5a003020102020107300a06082a8648ce3d04030230133111300f060355040313"
            + "086563647361323536301e170d3136303733303031323430305a170d3236303733303031323430305a30133111300f060355"
            + "0403130865636473613235363059301306072a8648ce3d020106082a8648ce3d0301070342000408d530161575f4cfe7f154"
            + "ee3448180086001e88431a79ee62ee6e2f83ef38ba61e9fb37f34e007a7df4d2f5b56d1f04ece45d621f468406f5c3a15158"
            + "948dd0a31a301830090603551d1304023000300b0603551d0f040403020780300a06082a8648ce3d04030203480030450221"
            + "00df30fd4507f5edd22c1a6ff86db479ca693feeca3b71b3f9ef556b2937c0594d022062e2a47250d320fea83c7e2dcb5b76"
            + "a50e0200c09adbd13fee946e513e011d110000");

    /** RFC 8448 §6: {server} construct a CertificateVerify (ECDSA). */
    static final byte[] SERVER_CERTIFICATE_VERIFY = Rfc8448Trace.hex(""
            + "0f00004b040300473045022100d7a4d34bd54f55fee1a89625678c3dd5e5f60dac73ec940c5c7b9304a02084a90220289f59"
            + "5ed488b9ac689a3d192b1a8bb38f34af7874c059c9806a1f38269353e8");

    /** RFC 8448 §6: {client} construct a Certificate (CN "client", RSA-1024). */
    static final byte[] CLIENT_CERTIFICATE = Rfc8448Trace.hex(""
            + "0b0001bf000001bb0001b6308201b23082011ba003020102020101300d06092a864886f70d01010b05003011310f300d0603"
            + "5504031306636c69656e74301e170d3136303733303031323335395a170d3236303733303031323335395a3011310f300d06"
            + "035504031306636c69656e7430819f300d06092a864886f70d010101050003818d0030818902818100c38175e004a68d093f"
            + "823b9c379d201fbc0bb7a1c791905e3fbf76847e44e751ebbcd360bd945c81e5222bcc8846d3a8a0f93e9bf5bebabd92edf1"
            + "de1ff19021703e7ab6c0901513f97e39b111f09c9348971c7b211984a754cd45fe095af0ea4236829bccf7a7fe9b2888e78a"
            + "b477690a5b9e1ccbe91c6a4a0f97a7e02842010203010001a31a301830090603551d1304023000300b0603551d0f04040302"
            + "0780300d06092a864886f70d01010b0500038181001a7a5a018532b022af0767d486160cff2d167a1915d23835b54594916d"
            + "c680be5d2e626076c5d52722ebcc775d7d99f980be2fc94d34acf6cc00ba90cbcfb0608aa1e7e3971ef0c07a41d47ad8345d"
            + "1f81fe418a1cf41054429fd217bd777dc1cf08f05df90799c659361e0f1a8ee4ac0f7897420bdbc823da80a2f2ba23081c00"
            + "00");

    /** RFC 8448 §6: {client} construct a CertificateVerify (RSA-PSS). */
    static final byte[] CLIENT_CERTIFICATE_VERIFY = Rfc8448Trace.hex(""
            + "0f00008408040080186b2223b503a759c35dba0e9721b4b579138d5f0f5e6ec7feaaf27f3ad7f386c2c7bd7cb2be52fbf5ed"
            + "8393f406ee79369692ec7ac695651d858219e672a8eb7b2a677b640b46ab630edc5f3f2f8272b9c0d906f81f84ddc5b8c7bc"
            + "f955c78a3cf99e5016f73e04eb7dfcb28833f13e8f75ec2ff3581e2f098ad4157fd6d6ad");

    /** RFC 8448 §6: {server} send handshake record: EncryptedExtensions..Finished in one record. */
    static final byte[] SERVER_FLIGHT_RECORD = Rfc8448Trace.hex(""
            + "17030302166d0a7ac079b32a94aa68c4e2893e8bd0d3c185f549c236fbbce3d647f08f3c94a2bf424d8708883605ad8955f9"
            + "7718b0213dead13dfb23ebb8381da582756612bcb5a5d40847719fbe9f179bfae656f3ecfd59a4c0d35132ce418a7e46f6b6"
            + "a60622f8a6c06b28d83360163563be9c37f97eb902326924a72b3ed8c8381277d1581cab9c3715ac2401398467ad7ebfab3d"
            + "0c3419e750104f7d62c5027901f2e4cd4ca5b8071eb03d3c732d83215066dfc4d291d4c1ff3b8d7e4298f677d4d51dea1168"
            + "d8f16cb27ba40266313a1fedf9e23cc77f765450f9e96f05d08f3da245b14d4946f07ec81eed6d56f26bd574f0b7f7c70470"
            + "37c16fce3b23754e662fad73e2b7213f6af296769c99a1d38e6232e0ec8dc4f84d6aa6f7de3887be0057862f9018e0ab3967"
            + "05aa4090ab5f2dff6325a557e7320d4effd46bb4f997d163207cce6665294aa4465541e3fe37ee7350659ea550d6dcb6af3c"
            + "518852c7a14c3cc15bc32b3273bdf1751da184203135b117d300204fb12d58ca9ac34b68eca27030832f7a4b46d2a55757f6"
            + "3fe8f6e85ac47469e6198da88a64586bf23c69590de822263be75fd836847240c48f8c145cd6bd698962e7edc234ebe59231"
            + "351eef8d7652cf3b08ab3af6e5ec74c58a8da34b39f9b0d6c4279a9a1f82071729e7059dd7f7b95b9433c4684ce1891a6d33"
            + "432d52eddb0b8cee9181d403eccc12991f1ad4aa62c36049713a7bb135fdda6661a05a93f8c16f");

    /** RFC 8448 §6: {client} send handshake record: Certificate, CertificateVerify and Finished in one record. */
    static final byte[] CLIENT_FLIGHT_RECORD = Rfc8448Trace.hex(""
            + "1703030280b46a63934e673841abaf267403bc677f6b6d2a1e2f12bb5f62683bfe36a82673f06d6287ddd609bcf2f5fd3225"
            + "923d24af3c76682c180ee571a17ca4bfbe2f510dc9a0e1fca5cff2cee87d11cb531a6ef90bf5309a6b63bbbc0b88ea45103a"
            + "4304091543859fa11ec032ed873444cd5185ead5f6a76420f0f0286acef802c8e4788c23275f1b06da600f4a7decd0bc59d7"
            + "bef10e649ae32690397fc3d4ed6f30f801d8cd569b71ad4fa05ea7cf2ac2dfa150d220505d4011b34d09d53853eba61a101e"
            + "4f8dca47d8171a884b19259a3dd48c5ac141983edc77814d25e7f66bbbdb9096839266e06561828ecfb27eafd4e9e81a0b96"
            + "e3bfa42dae5ad80359b9a6661402c3a2104177030106dbd8f65bb6a0159d512eb13af22a259f313bd58c2e21fe053d57f2a9"
            + "62b0a4ea682c96f70b79b560136192823b27be6a2fb7b1c751ccc0e3303615541485b7b307b423332c11efa80b72f9b80a53"
            + "e53f7bb38a3af4c59f8008bad0544e5614e688ff57bccd6935f81f447f420c1c1bf4058818e90bf5dc716ccae42524856df8"
            + "250bcdbd7af65f82dd53061d024f6d2ff5c11e3792a9a70e0ee2a3c20a1b968ac391f8f92831135d25242ada2fe241c2653e"
            + "c996339dfa12dfae7a3373df88b07ca27aef6dc266a25f13f75c76039c1f46fd7a53ae6399c999f4b2aee18e480d6d12bfae"
            + "226bbdc92a6ad50b4d3bac7abc3b3651eb5be56f33bf41127b3ca886dc714a50d1490357bd40d9fd6be42209a4ddb9ebb298"
            + "7e29f120f05814614d2c79320015b461fe7324447670a1af5f65caed15b474ab7faa495016adf808e53b94ef54afbb0e0a3a"
            + "2732ab597f7d5923c77386aa5124731f8cc73e703b341c175a454939a77ab64313c15cf3fe03c4f33842564976");

    /** RFC 8448 §6: {client} send alert record (close_notify). */
    static final byte[] CLIENT_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("1703030013e4ad7d44c29245339d355962c779b89ef44c58");

    /** RFC 8448 §6: {server} send alert record (close_notify). */
    static final byte[] SERVER_CLOSE_NOTIFY_RECORD = Rfc8448Trace.hex("17030300131decc5d6e64bba8a6f21b4fd077497da2a90cb");
}
