package org.layeredtls.handshake.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.layeredtls.handshake.lab.HandshakeLabs;
import org.layeredtls.record.lab.Lab;
import org.layeredtls.record.lab.LabResult;
import org.layeredtls.record.lab.RecordLabs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lab}: lists the attack labs (no name), or runs one: the attack against the vulnerable
 * setting, then against its countermeasure, narrated as it happens. Exits 0 when the lab showed what
 * it teaches (the attack worked, the countermeasure stopped it), 1 when it did not, 2 for an unknown name.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run an attack lab: a classic attack against the layer it breaks, first with the vulnerable"
                + " setting, then with its countermeasure. Without NAME: the list of labs (tls-handshake/LABS.md).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the lab showed the attack work and the countermeasure stop it (or the list was printed)",
                "1:it did not", "2:no lab of that name"})
public class LabCommand implements Callable<Integer> {

    /** The exit code for a lab that did not show what it teaches. */
    static final int NOT_DEMONSTRATED = 1;
    /** The exit code for a name no lab has. */
    static final int UNKNOWN_LAB = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The lab to run (see the list).")
    String name;

    private final Supplier<List<Lab>> labs;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** Every lab: {@link RecordLabs#all()}, then {@link HandshakeLabs#all()}. */
    public LabCommand() {
        this(LabCommand::allLabs);
    }

    /** These labs instead (tests). */
    LabCommand(Supplier<List<Lab>> labs) {
        this.labs = labs;
    }

    /** Where the command prints (tests inject their own). */
    public LabCommand io(PrintStream stdout, PrintStream stderr) {
        this.out = stdout;
        this.err = stderr;
        return this;
    }

    /** Every lab, record layer first, then handshake and alert. */
    static List<Lab> allLabs() {
        List<Lab> labs = new ArrayList<>(RecordLabs.all());
        labs.addAll(HandshakeLabs.all());
        return labs;
    }

    @Override
    public Integer call() throws Exception {
        if (name == null) {
            list(out);
            return 0;
        }
        Optional<Lab> lab = labs.get().stream().filter(l -> l.name().equals(name)).findFirst();
        if (lab.isEmpty()) {
            err.println("lab: no lab named '" + name + "'. The labs:");
            list(err);
            return UNKNOWN_LAB;
        }
        out.println("== lab " + lab.get().name() + " (" + lab.get().layer() + " layer): " + lab.get().summary());
        out.println();
        LabResult result = lab.get().run(out);
        out.println();
        out.println("attack succeeded against the vulnerable setting: " + yesNo(result.attackSucceededWhenVulnerable()));
        out.println("attack failed against the countermeasure:        " + yesNo(result.attackFailedWithCountermeasure()));
        out.println("finding: " + result.finding());
        out.flush();
        return result.demonstrated() ? 0 : NOT_DEMONSTRATED;
    }

    private void list(PrintStream to) {
        for (Lab lab : labs.get()) {
            to.printf("%-18s %-10s %s%n", lab.name(), lab.layer(), lab.summary());
        }
        to.flush();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
