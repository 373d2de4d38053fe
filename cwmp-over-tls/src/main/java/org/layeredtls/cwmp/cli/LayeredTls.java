package org.layeredtls.cwmp.cli;

import java.io.PrintStream;

import org.layeredtls.record.demo.RecordProtocolDemo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code layeredtls} command: {@code demo} (the papers' experiment), {@code acs} and
 * {@code cpe} (the two sides as separate processes), {@code acs-admin} (devices managed through a running ACS), {@code record-demo} (the Record protocol), and
 * the TLS tools {@code client}, {@code server} and {@code certs} (after openssl s_client, s_server), {@code relay}, and
 * {@code lab} (the attack labs).
 */
@Command(name = "layeredtls", mixinStandardHelpOptions = true, version = "LayeredTLS 0.1.0",
        description = "A pure-Java SSL/TLS stack, layer by layer, with a thin TR-069 (CWMP) ACS and CPE on top.",
        subcommands = {DemoCommand.class, AcsCommand.class, AcsAdminCommand.class, CpeCommand.class, RecordProtocolDemo.class,
                org.layeredtls.handshake.cli.ClientCommand.class, org.layeredtls.handshake.cli.ServerCommand.class,
                org.layeredtls.handshake.cli.CertsCommand.class, org.layeredtls.handshake.cli.RelayCommand.class,
                org.layeredtls.handshake.cli.LabCommand.class})
public final class LayeredTls implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command line with every subcommand, printing to {@code out}. */
    public static CommandLine commandLine(PrintStream out) {
        CommandLine line = new CommandLine(new LayeredTls());
        // record-demo -html: the record module's demo gets the handshake module's page writer from here
        ((RecordProtocolDemo) line.getSubcommands().get("record-demo").getCommand()).illustratedBy(RecordDemoPage::new);
        line.setOut(new java.io.PrintWriter(out, true));
        return line;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out).execute(args.length == 0 ? new String[] {"demo"} : args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
