package org.layeredtls.cwmp.http;

import java.io.IOException;
import java.util.function.Consumer;

import org.layeredtls.cwmp.cpe.CpeActions;
import org.layeredtls.cwmp.cpe.FetchResult;

/**
 * The CPE's actions outside CWMP, over the network: a Download fetches its file with
 * {@link HttpFetcher} (and the agent checks the size); a Reboot is reported to a callback (the
 * agent itself reloads the saved state, as a real reboot would).
 */
public final class HttpCpeActions implements CpeActions {

    private final HttpFetcher fetcher;
    private final Runnable onReboot;
    private final Consumer<String> log;

    public HttpCpeActions(HttpFetcher fetcher, Runnable onReboot, Consumer<String> log) {
        this.fetcher = fetcher;
        this.onReboot = onReboot == null ? () -> { } : onReboot;
        this.log = log == null ? s -> { } : log;
    }

    @Override
    public FetchResult download(String url, String username, String password, long expectedSize) throws IOException {
        byte[] content = fetcher.fetch(url, username, password);
        log.accept("CPE: downloaded " + content.length + " bytes from " + url
                + (expectedSize > 0 ? " (expected " + expectedSize + ")" : ""));
        return new FetchResult(content);
    }

    @Override
    public void reboot() {
        log.accept("CPE: rebooting");
        onReboot.run();
    }
}
