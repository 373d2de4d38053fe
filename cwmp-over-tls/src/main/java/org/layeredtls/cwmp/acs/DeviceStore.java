package org.layeredtls.cwmp.acs;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where the ACS keeps what it knows of each device. */
public interface DeviceStore {
    /** The record of a device, if known. */
    Optional<DeviceRecord> load(String deviceId) throws IOException;

    /** Stores (replaces) a record; durable when this returns. */
    void save(DeviceRecord record) throws IOException;

    /** Ids of every known device, sorted. */
    List<String> deviceIds() throws IOException;
}
