package org.tributary.api;

/**
 * One listening socket of a protocol server and whether it is serving.
 *
 * @param address the bind address
 * @param port    the port
 * @param bound   true when it accepts connections
 * @param error   why it could not be bound, or empty
 */
public record Endpoint(String address, int port, boolean bound, String error) {
}
