package org.layeredtls.cwmp.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.layeredtls.handshake.illustrate.IllustratedSession;
import org.layeredtls.handshake.illustrate.SessionPage;
import org.layeredtls.record.RecordObserver;
import org.layeredtls.record.demo.RecordPage;

/**
 * {@code record-demo -html}: the record module's demo cannot see the handshake module's page
 * writer, the launcher sees both, so it hands this one in. The demo's writer is drawn as the client.
 */
final class RecordDemoPage implements RecordPage {

    private final IllustratedSession session = new IllustratedSession(true);

    @Override
    public RecordObserver observer() {
        return session;
    }

    @Override
    public void tls13Keys(byte[] writeKey, byte[] writeIv) {
        session.tls13KeysHandedIn(writeKey, writeIv);
    }

    @Override
    public void write(Path file, String title) throws IOException {
        SessionPage.write(session, title, file);
    }
}
