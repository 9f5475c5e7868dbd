package dev.braid.deploy;

import java.nio.file.Path;

/**
 * A running dev server, as a client needs it.
 *
 * @param pid the server's process id; it is not a child of the caller once that JVM has gone
 * @param address the front end's gRPC address, {@code host:port}, for {@code TEMPORAL_ADDRESS}
 * @param uiUrl the Web UI's base URL
 * @param dbFile the SQLite file that holds the server's state
 */
public record DevServerInfo(long pid, String address, String uiUrl, Path dbFile) {}
