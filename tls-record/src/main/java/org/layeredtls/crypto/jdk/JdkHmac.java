package org.layeredtls.crypto.jdk;

import java.security.GeneralSecurityException;

import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;

/** HMAC (RFC 2104) on {@link javax.crypto.Mac}, keyed once; {@code doFinal} resets with the key kept. */
final class JdkHmac implements Mac {

    private final HashAlgorithm hashAlgorithm;
    private final javax.crypto.Mac mac;

    private JdkHmac(HashAlgorithm hashAlgorithm, javax.crypto.Mac mac) {
        this.hashAlgorithm = hashAlgorithm;
        this.mac = mac;
    }

    static JdkHmac create(HashAlgorithm algorithm, byte[] key) {
        String name = "Hmac" + JdkHash.jcaName(algorithm).replace("-", "");
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(name);
            // an HMAC key may be empty (TLS's NULL MAC never gets here, but a PRF secret can be)
            mac.init(key.length == 0 ? new EmptyKey(name) : new SecretKeySpec(key, name));
            return new JdkHmac(algorithm, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + name, e);
        }
    }

    @Override
    public int macLength() {
        return mac.getMacLength();
    }

    @Override
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    @Override
    public void update(byte input) {
        mac.update(input);
    }

    @Override
    public void update(byte[] input, int offset, int length) {
        mac.update(input, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for the MAC at " + offset, e);
        }
        return mac.getMacLength();
    }

    @Override
    public void reset() {
        mac.reset();
    }

    /** {@link SecretKeySpec} refuses an empty key; RFC 2104 does not (it is padded with zeros). */
    private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
