package org.lawflow.system;

/** A request that contradicts the case's current state (409): e.g. a step already taken or not yet possible. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
