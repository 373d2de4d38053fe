package org.layeredtls.record.lab;

import java.util.List;

/** The Record layer's attack labs, in the order a course meets them (the order they were published). */
public final class RecordLabs {

    private RecordLabs() {
    }

    /** Every record-layer lab, new instances: BEAST (2011), CRIME (2012), Lucky 13 (2013), POODLE (2014). */
    public static List<Lab> all() {
        return List.of(new BeastLab(), new CrimeLab(), new Lucky13Lab(), new PoodleLab());
    }
}
