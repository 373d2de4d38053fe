package org.layeredtls.handshake.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * Our OpenSSL names and codes against OpenSSL's own table ({@code openssl ciphers -V 'ALL:eNULL:@SECLEVEL=0'}, with
 * every TLS 1.3 suite named in {@code -ciphersuites}, CCM included): every suite OpenSSL 3.0 here knows is named as
 * OpenSSL names it, under the same two bytes.
 */
class CipherSuiteNamesAgainstOpenSslTest {

    // "          0xC0,0x14 - ECDHE-RSA-AES256-SHA           TLSv1   Kx=ECDH ..."
    private static final Pattern LINE = Pattern.compile("0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\\S+)");

    @TempDir
    static Path directory;

    private static final Map<Integer, String> OPENSSL_NAMES = new HashMap<>();

    @BeforeAll
    static void readOpenSslTable() throws Exception {
        Matcher m = LINE.matcher(OpenSslCommand.run(directory, "ciphers", "-V", "-ciphersuites",
                "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256",
                "ALL:eNULL:@SECLEVEL=0"));
        while (m.find()) {
            OPENSSL_NAMES.put(Integer.parseInt(m.group(1) + m.group(2), 16), m.group(3));
        }
        assertTrue(OPENSSL_NAMES.containsKey(0xC02F), "openssl ciphers -V lists ECDHE-RSA-AES128-GCM-SHA256");
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"TLS_RSA_WITH_RC4_128_MD5", "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
                    "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "TLS_FALLBACK_SCSV"})
    void openSslNamesTheSuiteAsWeDoUnderTheSameCode(CipherSuite suite) {
        assertEquals(suite.openSslName(), OPENSSL_NAMES.get(suite.code()), suite.toString());
        assertEquals(Optional.of(suite), CipherSuite.fromName(OPENSSL_NAMES.get(suite.code())));
    }
}
