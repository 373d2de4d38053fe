package org.layeredtls.alert;

import java.io.IOException;

/**
 * The root of the stack's own exceptions. It is an {@link IOException} so that a TLS failure
 * travels through {@code InputStream.read} and {@code OutputStream.write} like any socket error.
 */
public abstract class TlsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final AlertDescription description;
    private final TlsLayer layer;

    protected TlsException(AlertDescription description, TlsLayer layer, String message, Throwable cause) {
        super(message, cause);
        this.description = description;
        this.layer = layer;
    }

    /** The alert this failure is about. */
    public AlertDescription description() {
        return description;
    }

    /** The layer that raised or received the alert. */
    public TlsLayer layer() {
        return layer;
    }
}
