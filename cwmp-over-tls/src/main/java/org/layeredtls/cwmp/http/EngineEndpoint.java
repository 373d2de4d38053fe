package org.layeredtls.cwmp.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.layeredtls.cwmp.acs.AcsEngine;
import org.layeredtls.cwmp.acs.AcsSession;
import org.layeredtls.cwmp.soap.CwmpException;

/**
 * The ACS's session logic behind the HTTP layer, with the mapping of its errors to HTTP
 * statuses: an identity that is not the device of the Inform is 403 and the connection closes;
 * malformed XML is 400; any other CWMP failure ends the session with 500.
 */
final class EngineEndpoint implements SoapEndpoint {

    private final AcsEngine engine;
    private final List<String> log = new CopyOnWriteArrayList<>();

    EngineEndpoint(AcsEngine engine) {
        this.engine = engine;
    }

    /** The CWMP log lines of the sessions that ended. */
    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public Session newSession(String identity) {
        AcsSession session = engine.newSession(identity);
        return new Session() {
            @Override
            public byte[] onPost(byte[] body) throws Refused {
                try {
                    byte[] answer = session.onPost(body);
                    if (answer == null) {
                        log.addAll(session.log());
                    }
                    return answer;
                } catch (CwmpException e) {
                    log.addAll(session.log());
                    throw switch (e.kind()) {
                        case IDENTITY_MISMATCH -> new Refused(403, true, e.getMessage(), e);
                        case MALFORMED_XML -> new Refused(400, false, e.getMessage(), e);
                        default -> new Refused(500, false, e.getMessage(), e);
                    };
                }
            }

            @Override
            public Optional<String> deviceId() {
                return session.deviceId();
            }

            @Override
            public boolean isOver() {
                return session.isOver();
            }
        };
    }
}
