package org.layeredtls.cwmp.acs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.cwmp.rpc.GetParameterValues;

/**
 * The file store keeps its records in memory, written through: a record saved (or read once) is served
 * without parsing its file again, and the file on disk holds the same record for the next process.
 */
class FileDeviceStoreMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aSavedRecordIsServedFromMemoryAndIsOnDiskForTheNextStore() throws Exception {
        FileDeviceStore store = new FileDeviceStore(dir);
        DeviceRecord saved = DeviceRecord.unknown("00D09E-IGD-SN0001").withTask(new Task("t1",
                new GetParameterValues(List.of("Device.DeviceInfo.SoftwareVersion")), Instant.parse("2026-01-02T03:04:05Z")));
        store.save(saved);
        assertSame(saved, store.load(saved.deviceId()).orElseThrow(), "not parsed again");

        FileDeviceStore next = new FileDeviceStore(dir);
        DeviceRecord read = next.load(saved.deviceId()).orElseThrow();
        assertNotSame(saved, read);
        assertEquals(saved, read, "the file holds the record");
        assertSame(read, next.load(saved.deviceId()).orElseThrow(), "read once");
    }
}
