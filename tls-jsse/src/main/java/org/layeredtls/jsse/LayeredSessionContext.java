package org.layeredtls.jsse;

import java.util.Collections;
import java.util.Enumeration;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The {@link SSLSessionContext} of a context's client or server side. The sessions themselves live in the
 * stack's own session cache and client session store (resumption works through them); this view lists none
 * and keeps the two settings JSSE lets a user change, which the stack does not read.
 */
final class LayeredSessionContext implements SSLSessionContext {

    private volatile int timeoutSeconds = 86_400;
    private volatile int cacheSize;

    @Override
    public SSLSession getSession(byte[] sessionId) {
        return null;
    }

    @Override
    public Enumeration<byte[]> getIds() {
        return Collections.emptyEnumeration();
    }

    @Override
    public void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a session timeout is not negative");
        }
        this.timeoutSeconds = seconds;
    }

    @Override
    public int getSessionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("a session cache size is not negative");
        }
        this.cacheSize = size;
    }

    @Override
    public int getSessionCacheSize() {
        return cacheSize;
    }
}
