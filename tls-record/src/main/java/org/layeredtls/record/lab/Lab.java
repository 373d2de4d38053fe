package org.layeredtls.record.lab;

import java.io.PrintStream;

/**
 * One attack lab: a classic attack run live against the layer it breaks, first with the
 * vulnerable setting (the attack succeeds), then with the countermeasure (it fails).
 *
 * <p>Labs live in the module of the layer they break ({@code org.layeredtls.record.lab},
 * {@code org.layeredtls.handshake.lab}); {@code ./layeredtls lab NAME} runs one. The vulnerable
 * variants a lab needs live in the lab's own package and are never reachable from the normal API.
 */
public interface Lab {

    /** The name {@code ./layeredtls lab NAME} takes, lower case: {@code poodle}, {@code beast}, ... */
    String name();

    /** The layer the attack breaks: {@code record}, {@code handshake} or {@code alert}. */
    String layer();

    /** One line: what the attack does and what stops it. */
    String summary();

    /**
     * Runs the attack against the vulnerable setting, then against the countermeasure, and prints
     * what a student reads (the README page quotes this output).
     *
     * @param out where the lab narrates its steps
     * @return what happened in each run
     */
    LabResult run(PrintStream out) throws Exception;
}
