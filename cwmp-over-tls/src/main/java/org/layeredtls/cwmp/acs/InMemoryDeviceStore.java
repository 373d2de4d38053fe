package org.layeredtls.cwmp.acs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link DeviceStore} in memory (tests, throw-away demos). */
public final class InMemoryDeviceStore implements DeviceStore {
    private final Map<String, DeviceRecord> records = new ConcurrentSkipListMap<>();

    @Override
    public Optional<DeviceRecord> load(String deviceId) {
        return Optional.ofNullable(records.get(deviceId));
    }

    @Override
    public void save(DeviceRecord record) {
        records.put(record.deviceId(), record);
    }

    @Override
    public List<String> deviceIds() {
        return List.copyOf(records.keySet());
    }
}
