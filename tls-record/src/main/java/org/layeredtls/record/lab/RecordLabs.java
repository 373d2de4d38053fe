package org.layeredtls.record.lab;

import java.util.List;

/** The Record layer's attack labs, in the order a course meets them. */
public final class RecordLabs {

    private RecordLabs() {
    }

    /** Every record-layer lab. */
    public static List<Lab> all() {
        return List.of();
    }
}
