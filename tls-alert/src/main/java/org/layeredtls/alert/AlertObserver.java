package org.layeredtls.alert;

/** Watches the Alert protocol. Every method does nothing by default. */
public interface AlertObserver {

    AlertObserver NONE = new AlertObserver() { };

    /** An alert this side has sent. */
    default void alertSent(Alert alert) {
    }

    /** An alert the peer has sent. */
    default void alertReceived(Alert alert) {
    }
}
