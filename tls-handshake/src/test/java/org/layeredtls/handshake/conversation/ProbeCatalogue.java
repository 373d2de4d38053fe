package org.layeredtls.handshake.conversation;

import java.util.ArrayList;
import java.util.List;

/** Every probe of the catalogue, in the order of the table. */
final class ProbeCatalogue {

    private ProbeCatalogue() {
    }

    static List<Probe> all() {
        List<Probe> all = new ArrayList<>();
        all.addAll(NegotiationProbes.all());
        all.addAll(ExtensionProbes.all());
        all.addAll(OrderProbes.all());
        all.addAll(SessionProbes.all());
        all.addAll(OracleProbes.all());
        all.addAll(AlertProbes.all());
        all.addAll(ClientSideProbes.all());
        return all;
    }
}
