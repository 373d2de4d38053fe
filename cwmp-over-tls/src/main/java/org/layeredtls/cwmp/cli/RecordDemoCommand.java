package org.layeredtls.cwmp.cli;

import java.util.ArrayList;
import java.util.List;

import org.layeredtls.record.demo.RecordProtocolDemo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code layeredtls record-demo}: hands its arguments to the Record protocol demo of tls-record. */
@Command(name = "record-demo", description = "The Record protocol, live (see: layeredtls record-demo --help).")
final class RecordDemoCommand implements Runnable {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public void run() {
        RecordProtocolDemo.main(args.toArray(String[]::new)); // it exits with its own status
    }
}
