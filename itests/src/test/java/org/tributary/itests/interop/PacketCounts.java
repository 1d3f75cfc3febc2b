package org.tributary.itests.interop;

/**
 * How many packets of each stream an ffmpeg {@code -f framecrc} listing holds: lines starting
 * with {@code 0,} are stream 0 (video in our samples), {@code 1,} stream 1 (audio).
 *
 * @param video lines of stream 0
 * @param audio lines of stream 1
 */
record PacketCounts(long video, long audio) {

    /** Counts the packet lines of a framecrc listing. */
    static PacketCounts ofFramecrc(String listing) {
        long video = listing.lines().filter(line -> line.startsWith("0,")).count();
        long audio = listing.lines().filter(line -> line.startsWith("1,")).count();
        return new PacketCounts(video, audio);
    }
}
