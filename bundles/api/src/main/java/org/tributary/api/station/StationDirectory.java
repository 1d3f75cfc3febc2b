package org.tributary.api.station;

import java.util.List;

/** The stations a broadcast server has on air. */
public interface StationDirectory {

    /** @return a snapshot of the stations on air, by mount */
    List<StationInfo> stations();
}
