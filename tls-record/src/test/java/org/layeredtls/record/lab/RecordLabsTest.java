package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecordLabsTest {

    @Test
    void listsTheFourRecordLabsByTheirCommandNamesOnTheRecordLayer() {
        List<Lab> labs = RecordLabs.all();
        assertEquals(List.of("beast", "crime", "lucky13", "poodle"), labs.stream().map(Lab::name).toList());
        for (Lab lab : labs) {
            assertEquals("record", lab.layer(), lab.name());
            assertFalse(lab.summary().isBlank(), lab.name());
        }
    }
}
