package org.layeredtls.crypto;

/** A keyed stream cipher (RC4) whose key stream continues across calls. */
public interface StreamCipher {

    void process(byte[] in, int inOff, int length, byte[] out, int outOff);
}
