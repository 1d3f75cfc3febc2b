package org.tributary.itests.bench;

/**
 * What became of a group's sessions during one hot-swap step.
 *
 * @param kept sessions that went on without a gap, a BYE or a close
 * @param ended sessions that ended cleanly: RTCP BYE, or the connection or HTTP stream closed by the server
 * @param lost sessions with a gap in their RTP sequence numbers, or that went silent without ending
 * @param lostPackets the packets missing from those gaps
 */
record Tally(int kept, int ended, int lost, long lostPackets) {

    /** No session. */
    static final Tally NONE = new Tally(0, 0, 0, 0);

    /** Returns the sum of both tallies. */
    Tally plus(Tally other) {
        return new Tally(kept + other.kept, ended + other.ended, lost + other.lost, lostPackets + other.lostPackets);
    }

    /** Returns whether every session went on untouched. */
    boolean allKept() {
        return ended == 0 && lost == 0;
    }
}
