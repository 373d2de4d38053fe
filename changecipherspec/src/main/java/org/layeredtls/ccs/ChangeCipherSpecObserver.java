package org.layeredtls.ccs;

/** Watches the ChangeCipherSpec protocol. Every method does nothing by default. */
public interface ChangeCipherSpecObserver {

    ChangeCipherSpecObserver NONE = new ChangeCipherSpecObserver() { };

    /** We sent ChangeCipherSpec: our records are protected by the new write state from now on. */
    default void changeCipherSpecSent() {
    }

    /** The peer's ChangeCipherSpec arrived: its records are read with the new read state from now on. */
    default void changeCipherSpecReceived() {
    }
}
