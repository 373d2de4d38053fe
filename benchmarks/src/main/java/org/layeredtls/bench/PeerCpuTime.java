package org.layeredtls.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.layeredtls.bench.CpuTimeRounds.Operation;
import org.layeredtls.bench.idle.BenchmarkPki;
import org.layeredtls.bench.peer.HandshakeKind;
import org.layeredtls.bench.peer.Handshakes;

/**
 * The table, by CPU time: {@link CryptoBackendBenchmark}'s records and
 * {@link org.layeredtls.bench.peer.HandshakeBenchmark}'s handshakes, every stack timed by this thread's CPU
 * time in turns in short rounds (so a change of load on a shared machine hits them alike), the median over
 * the rounds; ratios are taken per round, then their median. Allocation per operation is this thread's
 * allocated-bytes counter over one batch after the rounds. A stack that cannot run a cell prints "—".
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.layeredtls.bench.PeerCpuTime [rounds [records|handshakes|all [name-part]]]
 * </pre>
 */
public final class PeerCpuTime {

    private static final long RECORD_WARM_UP_CPU_NANOS = 1_000_000_000L;
    private static final long HANDSHAKE_WARM_UP_CPU_NANOS = 3_000_000_000L;
    private static final int HANDSHAKE_BATCH = 4;

    private PeerCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String what = args.length > 1 ? args[1] : "all";
        String only = args.length > 2 ? args[2] : "";
        if (!what.equals("handshakes")) {
            records(rounds, only);
        }
        if (!what.equals("records")) {
            handshakes(rounds, only);
        }
    }

    private static void records(int rounds, String only) throws Exception {
        CryptoBackendBenchmark.Stack[] stacks = CryptoBackendBenchmark.Stack.values();
        printHeader("| cipher | size | op |", "|---|---:|---|", stacks, " MB/s",
                " BC / bare | BC / bctls-BC | JDK / SunJSSE | JDK / bctls-JCA | B/op (same order) |", 4);
        for (CryptoBackendBenchmark.Cipher cipher : CryptoBackendBenchmark.Cipher.values()) {
            for (int size : new int[] {1024, 16384}) {
                if (!(cipher + " " + size).contains(only)) {
                    continue;
                }
                for (boolean open : new boolean[] {false, true}) {
                    List<Operation> ops = new ArrayList<>();
                    for (CryptoBackendBenchmark.Stack stack : stacks) {
                        ops.add(recordOperation(stack, cipher, size, open));
                    }
                    int batch = Math.max(1, 1_000_000 / size);
                    Cell cell = measure(ops, rounds, batch, RECORD_WARM_UP_CPU_NANOS);
                    int bc = CryptoBackendBenchmark.Stack.LAYEREDTLS_BC.ordinal();
                    int jdk = CryptoBackendBenchmark.Stack.LAYEREDTLS_JDK.ordinal();
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %s |", cipher, size,
                            open ? "seal+open" : "seal"));
                    for (int i = 0; i < stacks.length; i++) {
                        row.append(cell.nanos[i] == null ? " — |"
                                : String.format(Locale.ROOT, " %.0f |", size / CpuTimeRounds.median(cell.nanos[i]) * 1e3));
                    }
                    row.append(cell.ratio(CryptoBackendBenchmark.Stack.BARE_BC.ordinal(), bc))
                            .append(cell.ratio(CryptoBackendBenchmark.Stack.BCTLS_BC.ordinal(), bc))
                            .append(cell.ratio(CryptoBackendBenchmark.Stack.SUNJSSE.ordinal(), jdk))
                            .append(cell.ratio(CryptoBackendBenchmark.Stack.BCTLS_JCA.ordinal(), jdk))
                            .append(' ').append(cell.allocation()).append(" |");
                    System.out.println(row);
                }
            }
        }
    }

    private static Operation recordOperation(CryptoBackendBenchmark.Stack stack, CryptoBackendBenchmark.Cipher cipher,
                                             int size, boolean open) {
        CryptoBackendBenchmark b = new CryptoBackendBenchmark();
        b.stack = stack;
        b.cipher = cipher;
        b.size = size;
        try {
            b.setUp();
            Operation op = open ? b::sealOpen : b::seal;
            op.run();
            return op;
        } catch (Exception e) {
            return null; // this stack cannot run this cell (bctls's JCA crypto and ChaCha20 on the JDK's providers)
        }
    }

    private static void handshakes(int rounds, String only) throws Exception {
        BenchmarkPki pki = new BenchmarkPki();
        Handshakes.Stack[] stacks = Handshakes.Stack.values();
        printHeader("| handshake | kind |", "|---|---|", stacks, " CPU us",
                " bctls-BC / BC | SunJSSE / BC | SunJSSE / JDK | KB allocated (same order) |", 3);
        for (HandshakeKind kind : HandshakeKind.values()) {
            if (!kind.name().contains(only)) {
                continue;
            }
            for (boolean resumed : new boolean[] {false, true}) {
                List<Operation> ops = new ArrayList<>();
                for (Handshakes.Stack stack : stacks) {
                    if (!stack.runs(kind)) {
                        ops.add(null);
                        continue;
                    }
                    Handshakes h = stack.create(pki, kind);
                    ops.add(resumed ? h::resumed : h::full);
                }
                Cell cell = measure(ops, rounds, HANDSHAKE_BATCH, HANDSHAKE_WARM_UP_CPU_NANOS);
                int bc = Handshakes.Stack.LAYEREDTLS_BC.ordinal();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |",
                        resumed ? "resumed" : "full", kind));
                for (int i = 0; i < stacks.length; i++) {
                    row.append(cell.nanos[i] == null ? " — |"
                            : String.format(Locale.ROOT, " %.0f |", CpuTimeRounds.median(cell.nanos[i]) / 1e3));
                }
                row.append(cell.ratio(Handshakes.Stack.BCTLS_BC.ordinal(), bc))
                        .append(cell.ratio(Handshakes.Stack.SUNJSSE.ordinal(), bc))
                        .append(cell.ratio(Handshakes.Stack.SUNJSSE.ordinal(), Handshakes.Stack.LAYEREDTLS_JDK.ordinal()))
                        .append(' ').append(cell.allocationKb()).append(" |");
                System.out.println(row);
            }
        }
    }

    /** A markdown table's header: the leading columns, one per stack, then {@code ratios} ratio columns and the allocation. */
    private static void printHeader(String lead, String leadRule, Enum<?>[] stacks, String unit, String trail, int ratios) {
        StringBuilder header = new StringBuilder(lead);
        StringBuilder rule = new StringBuilder(leadRule);
        for (Enum<?> stack : stacks) {
            header.append(' ').append(stack).append(unit).append(" |");
            rule.append("---:|");
        }
        System.out.println(header + trail);
        System.out.println(rule + "---:|".repeat(ratios) + "---|");
    }

    /** Warms every operation up, then times them in rounds; null operations are left out. */
    private static Cell measure(List<Operation> ops, int rounds, int batch, long warmUpNanos) throws Exception {
        List<Operation> present = new ArrayList<>();
        for (Operation op : ops) {
            if (op != null) {
                present.add(op);
                long spent = 0;
                while (spent < warmUpNanos) {
                    spent += CpuTimeRounds.time(op, batch);
                }
            }
        }
        double[][] timed = CpuTimeRounds.nanosPerOperation(present.toArray(new Operation[0]), rounds, batch);
        Cell cell = new Cell(ops.size());
        for (int i = 0, k = 0; i < ops.size(); i++) {
            if (ops.get(i) != null) {
                cell.nanos[i] = timed[k++];
                cell.bytes[i] = CpuTimeRounds.allocatedBytesPerOperation(ops.get(i), batch);
            }
        }
        return cell;
    }

    /** One row's measurements: CPU nanoseconds per operation per round, and bytes per operation, per stack. */
    private static final class Cell {
        final double[][] nanos;
        final double[] bytes;

        Cell(int stacks) {
            nanos = new double[stacks][];
            bytes = new double[stacks];
        }

        /** " x |": the median over rounds of {@code slower}'s time over {@code ours} (above 1: ours is faster). */
        String ratio(int other, int ours) {
            if (nanos[other] == null || nanos[ours] == null) {
                return " — |";
            }
            double[] r = new double[nanos[ours].length];
            for (int i = 0; i < r.length; i++) {
                r[i] = nanos[other][i] / nanos[ours][i];
            }
            return String.format(Locale.ROOT, " %.2f |", CpuTimeRounds.median(r));
        }

        String allocation() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < bytes.length; i++) {
                s.append(i == 0 ? "" : " / ").append(nanos[i] == null ? "—" : String.format(Locale.ROOT, "%.0f", bytes[i]));
            }
            return s.toString();
        }

        String allocationKb() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < bytes.length; i++) {
                s.append(i == 0 ? "" : " / ").append(nanos[i] == null ? "—" : String.format(Locale.ROOT, "%.0f", bytes[i] / 1024));
            }
            return s.toString();
        }
    }
}
