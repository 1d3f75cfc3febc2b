package org.tributary.rtp;

/**
 * The sender information of an RTCP Sender Report (RFC 3550 section 6.4.1): what a sender says
 * about its stream at one instant.
 *
 * @param ssrc         the sender's synchronization source identifier
 * @param ntpTimestamp the wall-clock time of the report as a 64-bit NTP timestamp, see {@link NtpTime}
 * @param rtpTimestamp the RTP timestamp that corresponds to the same instant; low 32 bits are sent
 * @param packetCount  RTP data packets sent since the start; low 32 bits are sent
 * @param octetCount   payload octets sent since the start (RTP headers and padding excluded); low 32 bits are sent
 */
public record SenderInfo(int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
}
