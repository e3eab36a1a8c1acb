package dev.migrate.flavor;

/**
 * What one kind of database's driver means by the ways a connection attempt fails, for
 * {@link ConnectRetry}: which of them waiting may cure, and how to put the server's answers in
 * words. The failures every client shares (a refused connection, an unknown host, no answer in
 * time) are {@code ConnectRetry}'s own. Each method is asked of one link of a failure's chain of
 * causes at a time.
 */
public interface ConnectFailures {
    /**
     * Whether {@code failure} means that the server is not up yet (it says it is starting up), or
     * that the connection closed before it answered: waiting may cure both.
     */
    boolean notUpYet(Throwable failure);

    /**
     * Whether {@code failure} is the server's own answer (an error it sent), which settles the wait
     * unless {@link #notUpYet} says otherwise: a wrong password or an unknown database will not
     * change by waiting.
     */
    boolean answered(Throwable failure);

    /** {@code failure} in words where the driver says more than its message (the server's message and code); null otherwise. */
    String describe(Throwable failure);
}
