package org.layeredtls.cwmp.acs;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.cpe.CpeAgent;
import org.layeredtls.cwmp.cpe.CpeSession;
import org.layeredtls.cwmp.soap.CwmpException;

/** Wires a CPE session to an ACS session without HTTP: each CPE POST body goes to the ACS, each answer back. */
final class InMemoryWire {
    private InMemoryWire() {
    }

    /** Runs one whole session; returns both logs, CPE lines first. */
    static List<String> session(CpeAgent agent, AcsEngine engine, String identity) throws CwmpException {
        CpeSession cpe = agent.openSession();
        AcsSession acs = engine.newSession(identity);
        byte[] post = cpe.firstRequest();
        for (int turns = 0; turns < 100; turns++) {
            byte[] answer = acs.onPost(post);
            byte[] next = answer == null ? cpe.onResponse(204, new byte[0]) : cpe.onResponse(200, answer);
            if (next == null) {
                if (!cpe.isOver() || !acs.isOver()) {
                    throw new AssertionError("both sides must agree the session is over");
                }
                List<String> log = new ArrayList<>(cpe.log());
                log.addAll(acs.log());
                return log;
            }
            post = next;
        }
        throw new AssertionError("session did not end in 100 turns");
    }
}
