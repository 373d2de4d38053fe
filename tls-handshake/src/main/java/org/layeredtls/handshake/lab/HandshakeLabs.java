package org.layeredtls.handshake.lab;

import java.util.List;

import org.layeredtls.record.lab.Lab;

/** The Handshake and Alert layers' attack labs, in the order a course meets them. */
public final class HandshakeLabs {

    private HandshakeLabs() {
    }

    /** Every handshake-layer and alert-layer lab. */
    public static List<Lab> all() {
        return List.of(new BleichenbacherLab(), new RenegotiationLab(), new DowngradeLab(), new TripleHandshakeLab(),
                new TruncationLab());
    }
}
