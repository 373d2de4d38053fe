package org.layeredtls.handshake.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.PreSharedKey;

/**
 * The truncated ClientHello of RFC 8446 §4.2.11.2: the whole ClientHello message (its 4-byte
 * header included) up to, but not including, the binders list of its pre_shared_key extension.
 * Each PSK binder is an HMAC over the transcript up to and including this PartialClientHello, so
 * a client builds its ClientHello with placeholder binders of the right lengths, computes the
 * binders over these bytes, and puts them in with {@link #withBinders}; the lengths in the
 * message already count the binders, so the bytes before them do not change. A server computes
 * the same bytes from the ClientHello it received. pre_shared_key is the last extension
 * (ClientHello's decoder checks it), so the binders are the message's last bytes.
 */
public final class PartialClientHello {

    private PartialClientHello() {
    }

    /** The offset of the binders list (its two-byte length first) in {@code hello.encode()}. */
    public static int bindersOffset(ClientHello hello) throws TlsAlertException {
        return hello.encode().length - offeredPsks(hello).bindersLength();
    }

    /** The bytes the binders are computed over: {@code hello.encode()} up to the binders list. */
    public static byte[] bytes(ClientHello hello) throws TlsAlertException {
        byte[] encoded = hello.encode();
        return Arrays.copyOf(encoded, encoded.length - offeredPsks(hello).bindersLength());
    }

    /** The same ClientHello with these binders, one per offered identity, in the same order. */
    public static ClientHello withBinders(ClientHello hello, List<byte[]> binders) throws TlsAlertException {
        PreSharedKey.OfferedPsks offered = offeredPsks(hello).withBinders(binders);
        List<Extension> extensions = new ArrayList<>(hello.extensionsOrEmpty().list());
        extensions.set(extensions.size() - 1, offered.toExtension());
        return new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(), hello.cipherSuites(),
                hello.compressionMethods(), Optional.of(new Extensions(extensions)));
    }

    /** The pre_shared_key of the ClientHello, which must be its last extension. */
    private static PreSharedKey.OfferedPsks offeredPsks(ClientHello hello) throws TlsAlertException {
        List<Extension> extensions = hello.extensionsOrEmpty().list();
        if (extensions.isEmpty() || extensions.get(extensions.size() - 1).type() != ExtensionType.PRE_SHARED_KEY.code()) {
            throw new IllegalArgumentException("the ClientHello's last extension is not pre_shared_key (RFC 8446 §4.2.11)");
        }
        return PreSharedKey.decodeClientHello(extensions.get(extensions.size() - 1).data());
    }
}
