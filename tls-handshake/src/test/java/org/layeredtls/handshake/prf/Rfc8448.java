package org.layeredtls.handshake.prf;

import java.util.HexFormat;

/**
 * The example handshakes of RFC 8448 ("Example Handshake Traces for TLS 1.3"), the values the TLS 1.3
 * key schedule is checked against byte for byte. Each constant names its section and the RFC's own
 * step title ("{server}  derive secret ..."), so a reader can find it in the RFC. All three traces use
 * TLS_AES_128_GCM_SHA256 (SHA-256). Test vectors are facts: they were read from the RFC text as kept
 * in public test suites (OTP's ssl tests quote §3 and §4 verbatim; Botan's transcripts.vec holds
 * the §5 messages) and checked for consistency (every message hash the RFC prints is the hash of the
 * messages here). The RFC 8448 replays (package {@code vectors}) use the messages and keys that are public.
 */
public final class Rfc8448 {

    private static final HexFormat HEX = HexFormat.of();

    private Rfc8448() {
    }

    // ---------------------------------------------------------------- RFC 8448 §3: Simple 1-RTT Handshake (TLS_AES_128_GCM_SHA256, x25519)

    /** RFC 8448 §3: {client} construct a ClientHello handshake message (196 octets). */
    static final byte[] S3_CLIENT_HELLO = HEX.parseHex(""
            + "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece700000613011303130201"
            + "0000910000000b0009000006736572766572ff01000100000a00140012001d0017001800190100010101020103010400"
            + "230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c002b00"
            + "03020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101001c"
            + "00024001");

    /** RFC 8448 §3: {client} create an ephemeral x25519 key pair: private key. */
    public static final byte[] S3_CLIENT_X25519_PRIVATE = HEX.parseHex("49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005");

    /** RFC 8448 §3: {client} create an ephemeral x25519 key pair: public key. */
    static final byte[] S3_CLIENT_X25519_PUBLIC = HEX.parseHex("99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c");

    /** RFC 8448 §3: {server} create an ephemeral x25519 key pair: private key. */
    public static final byte[] S3_SERVER_X25519_PRIVATE = HEX.parseHex("b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e");

    /** RFC 8448 §3: {server} create an ephemeral x25519 key pair: public key. */
    static final byte[] S3_SERVER_X25519_PUBLIC = HEX.parseHex("c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f");

    /** RFC 8448 §3: {server} construct a ServerHello handshake message (90 octets). */
    static final byte[] S3_SERVER_HELLO = HEX.parseHex(""
            + "020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100002e00330024"
            + "001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304");

    /** RFC 8448 §3: {server} extract secret "early": secret. */
    static final byte[] S3_EARLY_SECRET = HEX.parseHex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");

    /** RFC 8448 §3: {server} derive secret for handshake "tls13 derived": expanded. */
    static final byte[] S3_DERIVED_FOR_HANDSHAKE = HEX.parseHex("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba");

    /** RFC 8448 §3: {server} extract secret "handshake": IKM (the x25519 shared secret). */
    static final byte[] S3_ECDHE = HEX.parseHex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");

    /** RFC 8448 §3: {server} extract secret "handshake": secret. */
    static final byte[] S3_HANDSHAKE_SECRET = HEX.parseHex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");

    /** RFC 8448 §3: {server} derive secret "tls13 c hs traffic": hash (ClientHello..ServerHello). */
    static final byte[] S3_HASH_CH_SH = HEX.parseHex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");

    /** RFC 8448 §3: {server} derive secret "tls13 c hs traffic": expanded. */
    static final byte[] S3_C_HS_TRAFFIC = HEX.parseHex("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");

    /** RFC 8448 §3: {server} derive secret "tls13 s hs traffic": expanded. */
    static final byte[] S3_S_HS_TRAFFIC = HEX.parseHex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");

    /** RFC 8448 §3: {server} derive secret for master "tls13 derived": expanded. */
    static final byte[] S3_DERIVED_FOR_MASTER = HEX.parseHex("43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4");

    /** RFC 8448 §3: {server} extract secret "master": secret. */
    static final byte[] S3_MASTER_SECRET = HEX.parseHex("18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919");

    /** RFC 8448 §3: {server} derive write traffic keys for handshake data: key expanded. */
    static final byte[] S3_SERVER_HS_KEY = HEX.parseHex("3fce516009c21727d0f2e4e86ee403bc");

    /** RFC 8448 §3: {server} derive write traffic keys for handshake data: iv expanded. */
    static final byte[] S3_SERVER_HS_IV = HEX.parseHex("5d313eb2671276ee13000b30");

    /** RFC 8448 §3: {server} construct an EncryptedExtensions handshake message (40 octets). */
    static final byte[] S3_ENCRYPTED_EXTENSIONS = HEX.parseHex("080000240022000a00140012001d00170018001901000101010201030104001c0002400100000000");

    /** RFC 8448 §3: {server} construct a Certificate handshake message (445 octets). */
    static final byte[] S3_CERTIFICATE = HEX.parseHex(""
            + "0b0001b9000001b50001b0308201ac30820115a003020102020102300d06092a864886f70d01010b0500300e310c300a"
            + "06035504031303727361301e170d3136303733303031323335395a170d3236303733303031323335395a300e310c300a"
            + "0603550403130372736130819f300d06092a864886f70d010101050003818d0030818902818100b4bb498f8279303d98"
            + "0836399b36c6988c0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a95137ace6c1af19eaa6af98c7ced4312"
            + "0998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda430846748030530ef0461c8ca9d9efbfae8ea6d1d0"
            + "3e2bd193eff0ab9a8002c47428a6d35a8d88d79f7f1e3f0203010001a31a301830090603551d1304023000300b060355"
            + "1d0f0404030205a0300d06092a864886f70d01010b05000381810085aad2a0e5b9276b908c65f73a7267170618a54c5f"
            + "8a7b337d2df7a594365417f2eae8f8a58c8f8172f9319cf36b7fd6c55b80f21a03015156726096fd335e5e67f2dbf102"
            + "702e608ccae6bec1fc63a42a99be5c3eb7107c3c54e9b9eb2bd5203b1c3b84e0a8b2f759409ba3eac9d91d402dcc0cc8"
            + "f8961229ac9187b42b4de10000");

    /** RFC 8448 §3: {server} construct a CertificateVerify handshake message (136 octets). */
    static final byte[] S3_CERTIFICATE_VERIFY = HEX.parseHex(""
            + "0f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f824cd484145ab3ff52f1fda8477b0b7abc90db78e2d3"
            + "3a5c141a078653fa6bef780c5ea248eeaaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac027671459e46445c"
            + "9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda65cdf5aea20d53dfacd42f74f3");

    /** RFC 8448 §3: {server} calculate finished "tls13 finished": expanded. */
    static final byte[] S3_SERVER_FINISHED_KEY = HEX.parseHex("008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8");

    /** RFC 8448 §3: {server} construct a Finished handshake message (36 octets). */
    static final byte[] S3_SERVER_FINISHED = HEX.parseHex("140000209b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718");

    /** RFC 8448 §3: {server} derive secret "tls13 c ap traffic": hash (ClientHello..server Finished). */
    static final byte[] S3_HASH_CH_SERVER_FINISHED = HEX.parseHex("9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13");

    /** RFC 8448 §3: {server} derive secret "tls13 c ap traffic": expanded. */
    static final byte[] S3_C_AP_TRAFFIC = HEX.parseHex("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5");

    /** RFC 8448 §3: {server} derive secret "tls13 s ap traffic": expanded. */
    static final byte[] S3_S_AP_TRAFFIC = HEX.parseHex("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643");

    /** RFC 8448 §3: {server} derive secret "tls13 exp master": expanded. */
    static final byte[] S3_EXP_MASTER = HEX.parseHex("fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");

    /** RFC 8448 §3: {server} derive write traffic keys for application data: key expanded. */
    static final byte[] S3_SERVER_AP_KEY = HEX.parseHex("9f02283b6c9c07efc26bb9f2ac92e356");

    /** RFC 8448 §3: {server} derive write traffic keys for application data: iv expanded. */
    static final byte[] S3_SERVER_AP_IV = HEX.parseHex("cf782b88dd83549aadf1e984");

    /** RFC 8448 §3: {server} derive read traffic keys for handshake data: key expanded. */
    static final byte[] S3_CLIENT_HS_KEY = HEX.parseHex("dbfaa693d1762c5b666af5d950258d01");

    /** RFC 8448 §3: {server} derive read traffic keys for handshake data: iv expanded. */
    static final byte[] S3_CLIENT_HS_IV = HEX.parseHex("5bd3c71b836e0b76bb73265f");

    /** RFC 8448 §3: {client} calculate finished "tls13 finished": expanded. */
    static final byte[] S3_CLIENT_FINISHED_KEY = HEX.parseHex("b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4");

    /** RFC 8448 §3: {client} construct a Finished handshake message (36 octets). */
    static final byte[] S3_CLIENT_FINISHED = HEX.parseHex("14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61");

    /** RFC 8448 §3: {client} derive write traffic keys for application data: key expanded. */
    static final byte[] S3_CLIENT_AP_KEY = HEX.parseHex("17422dda596ed5d9acd890e3c63f5051");

    /** RFC 8448 §3: {client} derive write traffic keys for application data: iv expanded. */
    static final byte[] S3_CLIENT_AP_IV = HEX.parseHex("5b78923dee08579033e523d9");

    /** RFC 8448 §3: {client} derive secret "tls13 res master": hash (ClientHello..client Finished). */
    static final byte[] S3_HASH_CH_CLIENT_FINISHED = HEX.parseHex("209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d");

    /** RFC 8448 §3: {client} derive secret "tls13 res master": expanded. */
    static final byte[] S3_RES_MASTER = HEX.parseHex("7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c");

    /** RFC 8448 §3: {server} generate resumption secret "tls13 resumption": hash (the NewSessionTicket's ticket_nonce). */
    static final byte[] S3_TICKET_NONCE = HEX.parseHex("0000");

    /** RFC 8448 §3: {server} generate resumption secret "tls13 resumption": expanded. */
    static final byte[] S3_TICKET_PSK = HEX.parseHex("4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3");

    // ---------------------------------------------------------------- RFC 8448 §4: Resumed 0-RTT Handshake (the PSK of §3's ticket)

    /** RFC 8448 §4: {client} extract secret "early": secret (IKM: §3's ticket PSK). */
    static final byte[] S4_EARLY_SECRET = HEX.parseHex("9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c");

    /** RFC 8448 §4: {client} send handshake record: payload (512 octets), the ClientHello with its binder. */
    public static final byte[] S4_CLIENT_HELLO = HEX.parseHex(""
            + "010001fc03031bc3ceb6bbe39cff938355b5a50adb6db21b7a6af649d7b4bc419d7876487d9500000613011303130201"
            + "0001cd0000000b0009000006736572766572ff01000100000a00140012001d0017001800190100010101020103010400"
            + "3300260024001d0020e4ffb68ac05f8d96c99da26698346c6be16482badddafe051a66b4f18d668f0b002a0000002b00"
            + "03020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d00020101001c"
            + "000240010015005700000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "2900dd00b800b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb33fa90bf1b0070ad3c498883c936"
            + "7c09a2be785abc55cd226097a3a982117283f82a03a143efd3ff5dd36d64e861be7fd61d2827db279cce145077d454a3"
            + "664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2677fa5906c5b3f7d8f92f228bda40dda721470f9fbf2"
            + "97b5aea617646fac5c03272e970727c621a79141ef5f7de6505e5bfbc388e93343694093934ae4d357fad6aacb002120"
            + "3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");

    /** RFC 8448 §4: {client} calculate PSK binder: binder hash (of the 477-octet ClientHello prefix). */
    static final byte[] S4_BINDER_HASH = HEX.parseHex("63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14");

    /** RFC 8448 §4: {client} calculate PSK binder: PRK (binder_key, "res binder"). */
    static final byte[] S4_BINDER_KEY = HEX.parseHex("69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256");

    /** RFC 8448 §4: {client} calculate PSK binder: expanded. */
    static final byte[] S4_BINDER_FINISHED_KEY = HEX.parseHex("5588673e72cb59c87d220caffe94f2dea9a3b1609f7d50e90a48227db9ed7eaa");

    /** RFC 8448 §4: {client} calculate PSK binder: finished. */
    static final byte[] S4_BINDER = HEX.parseHex("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");

    /** RFC 8448 §4: {client} derive secret "tls13 c e traffic": hash (the whole ClientHello). */
    static final byte[] S4_HASH_CH = HEX.parseHex("08ad0fa05d7c7233b1775ba2ff9f4c5b8b59276b7f227f13a976245f5d960913");

    /** RFC 8448 §4: {client} derive secret "tls13 c e traffic": expanded. */
    static final byte[] S4_C_E_TRAFFIC = HEX.parseHex("3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62");

    /** RFC 8448 §4: {client} derive secret "tls13 e exp master": expanded. */
    static final byte[] S4_E_EXP_MASTER = HEX.parseHex("b2026866610937d7423e5be90862ccf24c0e6091186d34f812089ff5be2ef7df");

    /** RFC 8448 §4: {client} derive write traffic keys for early application data: key expanded. */
    static final byte[] S4_EARLY_KEY = HEX.parseHex("920205a5b7bf2115e6fc5c2942834f54");

    /** RFC 8448 §4: {client} derive write traffic keys for early application data: iv expanded. */
    static final byte[] S4_EARLY_IV = HEX.parseHex("6d475f0993c8e564610db2b9");

    /** RFC 8448 §4: {client} create an ephemeral x25519 key pair: private key. */
    public static final byte[] S4_CLIENT_X25519_PRIVATE = HEX.parseHex("bff91188283846dd6a2134ef7180ca2b0b14fb10dce707b5098c0dddc813b2df");

    /** RFC 8448 §4: {server} create an ephemeral x25519 key pair: public key. */
    static final byte[] S4_SERVER_X25519_PUBLIC = HEX.parseHex("121761ee42c333e1b9e77b60dd57c2053cd94512ab47f115e86eff50942cea31");

    /** RFC 8448 §4: {server} construct a ServerHello handshake message (96 octets). */
    static final byte[] S4_SERVER_HELLO = HEX.parseHex(""
            + "0200005c03033ccfd2dec890222763472ae8136777c9d7358777bb66e91ea5122495f559ea2d00130100003400290002"
            + "000000330024001d0020121761ee42c333e1b9e77b60dd57c2053cd94512ab47f115e86eff50942cea31002b00020304");

    /** RFC 8448 §4: {server} derive secret "tls13 c hs traffic": expanded. */
    static final byte[] S4_C_HS_TRAFFIC = HEX.parseHex("2faac08f851d35fea3604fcb4de82dc62c9b164a70974d0462e27f1ab278700f");

    /** RFC 8448 §4: {server} derive secret "tls13 s hs traffic": expanded. */
    static final byte[] S4_S_HS_TRAFFIC = HEX.parseHex("fe927ae271312e8bf0275b581c54eef020450dc4ecffaa05a1a35d27518e7803");

    /** RFC 8448 §4: {server} construct an EncryptedExtensions handshake message (44 octets). */
    static final byte[] S4_ENCRYPTED_EXTENSIONS = HEX.parseHex("080000280026000a00140012001d00170018001901000101010201030104001c0002400100000000002a0000");

    /** RFC 8448 §4: {server} construct a Finished handshake message (36 octets). */
    static final byte[] S4_SERVER_FINISHED = HEX.parseHex("1400002048d3e0e1b3d907c6acff145e16090388c77b05c050b634ab1a88bbd0dd1a34b2");

    /** RFC 8448 §4: {server} derive secret "tls13 c ap traffic": expanded. */
    static final byte[] S4_C_AP_TRAFFIC = HEX.parseHex("2abbf2b8e381d23dbebe1dd2a7d16a8bf484cb4950d23fb7fb7fa8547062d9a1");

    /** RFC 8448 §4: {server} derive secret "tls13 s ap traffic": expanded. */
    static final byte[] S4_S_AP_TRAFFIC = HEX.parseHex("cc21f1bf8feb7dd5fa505bd9c4b468a9984d554a993dc49e6d285598fb672691");

    // ---------------------------------------------------------------- RFC 8448 §5: HelloRetryRequest (x25519 offered, secp256r1 asked for, with a cookie)

    /** RFC 8448 §5: {client} construct a ClientHello handshake message (180 octets). */
    public static final byte[] S5_CLIENT_HELLO_1 = HEX.parseHex(""
            + "010000b00303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee9258a346677b6f00000613011303130201"
            + "0000810000000b0009000006736572766572ff01000100000a00080006001d00170018003300260024001d0020e8e8e3"
            + "f3b93a25ed97a14a7dcacb8a272c6288e585c6484d05262fcad062ad1f002b0003020304000d0020001e040305030603"
            + "020308040805080604010501060102010402050206020202002d00020101001c00024001");

    /** RFC 8448 §5: {server} construct a ServerHello handshake message (176 octets): the HelloRetryRequest. */
    public static final byte[] S5_HELLO_RETRY_REQUEST = HEX.parseHex(""
            + "020000ac0303cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c00130100008400330002"
            + "0017002c0074007271dcd04bb88bc3189119398a00000000eefafc76c146b823b096f8aacad365dd0030953f4edf6256"
            + "36e5f21bb2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b5eda4aa15b0c8be778257d16"
            + "aa3030e9e7841dd9e4c0342267e8ca0caf571fb2b7cff0f934b0002b00020304");

    /** RFC 8448 §5: {client} construct a ClientHello handshake message (512 octets). */
    public static final byte[] S5_CLIENT_HELLO_2 = HEX.parseHex(""
            + "010001fc0303b0b1c5a5aa37c5919f2ed1d5c6fff7fcb7849716945a2b8cee9258a346677b6f00000613011303130201"
            + "0001cd0000000b0009000006736572766572ff01000100000a00080006001d001700180033004700450017004104a6da"
            + "7392ec591e17abfd535964b99894d13befb221b3def2ebe3830eac8f0151812677c4d6d2237e85cf01d6910cfb83954e"
            + "76ba7352830534159897e8065780002b0003020304000d0020001e040305030603020308040805080604010501060102"
            + "010402050206020202002c0074007271dcd04bb88bc3189119398a00000000eefafc76c146b823b096f8aacad365dd00"
            + "30953f4edf625636e5f21bb2e23fcc654b1b5b40318d10d137abcbb87574e36e8a1f025f7dfa5d6e50781b5eda4aa15b"
            + "0c8be778257d16aa3030e9e7841dd9e4c0342267e8ca0caf571fb2b7cff0f934b0002d00020101001c00024001001500"
            + "af0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000");

    /** RFC 8448 §5: {client} create an ephemeral P-256 key pair: private key. */
    public static final byte[] S5_CLIENT_P256_PRIVATE = HEX.parseHex("ab5473467e19346ceb0a0414e41da21d4d2445bc3025afe97c4e8dc8d513da39");

    /** RFC 8448 §5: {client} create an ephemeral P-256 key pair: public key. */
    static final byte[] S5_CLIENT_P256_PUBLIC = HEX.parseHex(""
            + "04a6da7392ec591e17abfd535964b99894d13befb221b3def2ebe3830eac8f0151812677c4d6d2237e85cf01d6910cfb"
            + "83954e76ba7352830534159897e8065780");

    /** RFC 8448 §5: {server} create an ephemeral P-256 key pair: private key. */
    public static final byte[] S5_SERVER_P256_PRIVATE = HEX.parseHex("8c510601f9765bfb8ed693449a48989859b5cfa879cb9f5443c41c5ff10634ed");

    /** RFC 8448 §5: {server} create an ephemeral P-256 key pair: public key. */
    static final byte[] S5_SERVER_P256_PUBLIC = HEX.parseHex(""
            + "04583e054b7a66672ae020ad9d2686fcc85b5ad41a134a0f03ee72b893052bd85b4c8de6776f5b04ac07d83540eab3e3"
            + "d9c547bc6528c4317d294686093a6cad7d");

    /** RFC 8448 §5: {server} construct a ServerHello handshake message (123 octets). */
    public static final byte[] S5_SERVER_HELLO = HEX.parseHex(""
            + "020000770303bb341d847fd789c47c387172dc0c9bf147fccacb5043d86ca4c598d3ff571b9800130100004f00330045"
            + "0017004104583e054b7a66672ae020ad9d2686fcc85b5ad41a134a0f03ee72b893052bd85b4c8de6776f5b04ac07d835"
            + "40eab3e3d9c547bc6528c4317d294686093a6cad7d002b00020304");

    /** RFC 8448 §5: {server} extract secret "handshake": IKM (the P-256 shared secret). */
    static final byte[] S5_ECDHE = HEX.parseHex("c142ce13ca11b5c2233652e63ad3d97844f1621fbfb9de69d547dc8fedeabeb4");

    /** RFC 8448 §5: {server} extract secret "handshake": secret. */
    static final byte[] S5_HANDSHAKE_SECRET = HEX.parseHex("ce022e5e6e81e50736d773f2d3adfce8220d049bf510f0dbfac927ef4243b148");

    /** RFC 8448 §5: {server} derive secret "tls13 c hs traffic": hash (message_hash, HelloRetryRequest, ClientHello, ServerHello). */
    static final byte[] S5_HASH_CH_SH = HEX.parseHex("8aa8e828ec2f8a884fec95a3139de01c15a3daa7ff5bfc3f4bfcc21b438d7bf8");

    /** RFC 8448 §5: {server} derive secret "tls13 c hs traffic": expanded. */
    static final byte[] S5_C_HS_TRAFFIC = HEX.parseHex("158aa7ab8855073582b41d674b4055cabcc534728f659314861b4e08e2011566");

    /** RFC 8448 §5: {server} derive secret "tls13 s hs traffic": expanded. */
    static final byte[] S5_S_HS_TRAFFIC = HEX.parseHex("3403e781e2af7b6508da28574f6e95a1abf162de83a97927c37672a4a0cef8a1");

    /** RFC 8448 §5: {server} extract secret "master": secret. */
    static final byte[] S5_MASTER_SECRET = HEX.parseHex("1131545d0baf79ddce9b87f06945781a57dd18ef378dcd2060f8f9a569027ed8");

    /** RFC 8448 §5: {server} derive write traffic keys for handshake data: key expanded. */
    static final byte[] S5_SERVER_HS_KEY = HEX.parseHex("4646bfac1712c426cd78d8a24a8a6f6b");

    /** RFC 8448 §5: {server} derive write traffic keys for handshake data: iv expanded. */
    static final byte[] S5_SERVER_HS_IV = HEX.parseHex("c7d395c08d62f297d13768ea");

    /** RFC 8448 §5: {server} construct an EncryptedExtensions handshake message (28 octets). */
    public static final byte[] S5_ENCRYPTED_EXTENSIONS = HEX.parseHex("080000180016000a0008000600170018001d001c0002400100000000");

    /** RFC 8448 §5: {server} construct a CertificateVerify handshake message (136 octets). */
    public static final byte[] S5_CERTIFICATE_VERIFY = HEX.parseHex(""
            + "0f0000840804008033ab13d4462707231b5dcae6c8190b63d1dabc74f28c395370da0b07e5b83066d0246a31acd95df4"
            + "75bfd799a4a70d33ad93d3a317a9b2c0d237a5685b219e774112e391a247607d1aeff1bbd0a39f382ee1a5fe88ae99ec"
            + "59228e6497e45d48ce275a6d5ef40d169fb6f9d33b052ed3dcdd6b5a48baafffbcb290128415bd38");

    /** RFC 8448 §5: {server} construct a Finished handshake message (36 octets). */
    static final byte[] S5_SERVER_FINISHED = HEX.parseHex("140000208863e6bfb0420a927fa27f34336a70ae426e968e3eb884945b96856dba3976d1");

    /** RFC 8448 §5: {server} derive secret "tls13 c ap traffic": hash (through the server Finished). */
    static final byte[] S5_HASH_CH_SERVER_FINISHED = HEX.parseHex("50f63cbf36b0dd049e7a0ba27d6455745ea2aaac54bb167f9950b2b7ce9509da");

    /** RFC 8448 §5: {server} derive secret "tls13 c ap traffic": expanded. */
    static final byte[] S5_C_AP_TRAFFIC = HEX.parseHex("75ecf4b972525aa0dcd057c9944d4cd5d82671d8843141d7dc2a4ff15a21dc51");

    /** RFC 8448 §5: {server} derive secret "tls13 s ap traffic": expanded. */
    static final byte[] S5_S_AP_TRAFFIC = HEX.parseHex("5c74f87df04225db0f8209c9de6429e49435fdefa7cad61864874d12f31cfc8d");

    /** RFC 8448 §5: {server} derive secret "tls13 exp master": expanded. */
    static final byte[] S5_EXP_MASTER = HEX.parseHex("7c06d3ae106a3a374ace4837b3985cac67780a6e2c5c04b58319d584df09d223");

    /** The bytes of several handshake messages one after the other. */
    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
