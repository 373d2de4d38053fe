package org.layeredtls.jsse;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.X509KeyManager;

import org.layeredtls.handshake.api.CertifiedKey;
import org.layeredtls.handshake.jca.JcaCertificates;
import org.layeredtls.handshake.jca.JcaKeys;

/**
 * The certificates and keys a user's {@link X509KeyManager} holds, as this stack's {@link CertifiedKey}s. Before
 * each handshake the key manager chooses one alias per key type, RSA then EC ({@code chooseServerAlias} on a
 * server, {@code chooseClientAlias} on a client); the stack then picks among them by the cipher suite (server)
 * or by the CertificateRequest (client), as it does for keys configured directly. The key manager is asked
 * without issuers and without a socket: a choice by the peer's CA list or SNI name is not made.
 */
final class KeyManagerKeys {

    private static final List<String> KEY_TYPES = List.of("RSA", "EC");

    private final X509KeyManager keyManager;
    // each alias is converted once: PKCS#8 in, our key out
    private final Map<String, CertifiedKey> converted = new ConcurrentHashMap<>();

    KeyManagerKeys(X509KeyManager keyManager) {
        this.keyManager = keyManager;
    }

    /** The keys a server offers: the key manager's choice for each key type. */
    List<CertifiedKey> forServer() throws IOException {
        List<CertifiedKey> keys = new ArrayList<>();
        for (String type : KEY_TYPES) {
            add(keys, keyManager.chooseServerAlias(type, null, null));
        }
        return keys;
    }

    /** The keys a client may answer a CertificateRequest with. */
    List<CertifiedKey> forClient() throws IOException {
        List<CertifiedKey> keys = new ArrayList<>();
        for (String type : KEY_TYPES) {
            add(keys, keyManager.chooseClientAlias(new String[] {type}, null, null));
        }
        return keys;
    }

    private void add(List<CertifiedKey> keys, String alias) throws IOException {
        if (alias == null) {
            return;
        }
        CertifiedKey key = converted.get(alias);
        if (key == null) {
            key = convert(alias);
            converted.put(alias, key);
        }
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    private CertifiedKey convert(String alias) throws IOException {
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        PrivateKey privateKey = keyManager.getPrivateKey(alias);
        if (chain == null || chain.length == 0 || privateKey == null) {
            throw new IOException("the key manager has no certificate chain and private key for alias " + alias);
        }
        return new CertifiedKey(JcaCertificates.fromJca(chain), JcaKeys.fromJca(privateKey));
    }
}
