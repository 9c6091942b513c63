package org.lawflow.system;

/** Unknown id, or an id of another agency: both answer 404 so that other agencies' records stay invisible. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
