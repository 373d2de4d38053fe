package org.layeredtls.handshake.extension;

import org.layeredtls.alert.TlsAlertException;

/** A typed extension's {@code decode(byte[])}, as a function (for {@link Extensions#find(ExtensionType, ExtensionDecoder)}). */
@FunctionalInterface
public interface ExtensionDecoder<T extends ExtensionData> {
    T decode(byte[] extensionData) throws TlsAlertException;
}
