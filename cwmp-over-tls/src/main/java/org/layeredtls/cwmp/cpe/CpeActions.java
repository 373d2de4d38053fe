package org.layeredtls.cwmp.cpe;

import java.io.IOException;

/** What the CPE does outside CWMP, implemented by the transport/demo side (and by fakes in tests). */
public interface CpeActions {
    /**
     * Fetches a Download's file (TR-069 §A.3.2.8), after the session that received the Download.
     *
     * @param expectedSize the Download's FileSize, 0 when unknown
     * @throws IOException when the transfer fails (reported as fault 9010 in TransferComplete)
     */
    FetchResult download(String url, String username, String password, long expectedSize) throws IOException;

    /** Reboots the device; called after the session that received Reboot ends. */
    void reboot();
}
