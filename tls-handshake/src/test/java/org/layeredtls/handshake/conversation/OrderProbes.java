package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.UNEXPECTED_MESSAGE;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.finishes;
import static org.layeredtls.handshake.conversation.Reaction.serverFlight;

import java.util.List;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.AlertLevel;
import org.layeredtls.record.ContentType;

/** Message order (RFC 5246 §7.3, §7.4) and fragmentation (§6.2.1). */
final class OrderProbes {

    static final String ORDER = "Message order";
    static final String FRAGMENTATION = "Fragmentation";

    private OrderProbes() {
    }

    static List<Probe> all() {
        return List.of(
                Probe.same(ORDER, "ClientKeyExchange as the first message",
                        t -> Conversation.named("cke first").send(Messages.clientKeyExchange()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "Finished as the first message",
                        t -> Conversation.named("finished first").send(Messages.finished()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "ChangeCipherSpec before the ClientHello",
                        t -> Conversation.named("ccs first").sendChangeCipherSpec(), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "application data before the ClientHello",
                        t -> Conversation.named("data first").sendApplicationData(new byte[] {'h', 'i'}),
                        fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "a second ClientHello after the server's flight",
                        t -> Scripts.untilServerHelloDone("hello twice", Messages.clientHello())
                                .send(Messages.clientHello()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "early ChangeCipherSpec: right after the server's flight, no ClientKeyExchange",
                        t -> Scripts.untilServerHelloDone("early ccs", Messages.clientHello()).sendChangeCipherSpec(),
                        fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "early Finished: right after the server's flight",
                        t -> Scripts.untilServerHelloDone("early finished", Messages.clientHello())
                                .send(Messages.finished()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "early application data: after the server's flight",
                        t -> Scripts.untilServerHelloDone("early data", Messages.clientHello())
                                .sendApplicationData(new byte[] {'h', 'i'}), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "Finished without ChangeCipherSpec (ClientKeyExchange, Finished)",
                        t -> Scripts.untilServerHelloDone("no ccs", Messages.clientHello())
                                .send(Messages.clientKeyExchange(), Messages.finished()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "a client Certificate nobody asked for",
                        t -> Scripts.untilServerHelloDone("unasked certificate", Messages.clientHello())
                                .send(Messages.certificate(List.of())), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "a HelloRequest from the client",
                        t -> Scripts.untilServerHelloDone("client hello request", Messages.clientHello())
                                .send(Messages.helloRequest()), fatal(UNEXPECTED_MESSAGE)),
                Probe.same(ORDER, "two ChangeCipherSpecs",
                        t -> Scripts.untilServerHelloDone("ccs twice", Scripts.rsaCbcHello())
                                .send(Messages.clientKeyExchange()).sendChangeCipherSpec().sendChangeCipherSpec(),
                        fatal(UNEXPECTED_MESSAGE)),
                Probe.same(FRAGMENTATION, "the ClientHello in 1-byte records",
                        t -> Conversation.named("1-byte records").sendFragmented(1, Messages.clientHello()), serverFlight()),
                Probe.same(FRAGMENTATION, "the ClientHello split across two records",
                        t -> Conversation.named("two records").sendFragmented(50, Messages.clientHello()), serverFlight()),
                Probe.same(FRAGMENTATION, "a full RSA handshake, its ClientKeyExchange in 1-byte records",
                        t -> Scripts.untilServerHelloDone("cke 1-byte", Scripts.rsaCbcHello())
                                .sendFragmented(1, Messages.clientKeyExchange()).sendChangeCipherSpec()
                                .send(Messages.finished()), finishes()),
                Probe.same(FRAGMENTATION, "the client's flight coalesced: ClientKeyExchange, ChangeCipherSpec and Finished in one write",
                        t -> Scripts.untilServerHelloDone("coalesced flight", Scripts.rsaCbcHello()).holdWrites()
                                .send(Messages.clientKeyExchange()).sendChangeCipherSpec().send(Messages.finished())
                                .releaseWrites(), finishes()),
                Probe.same(FRAGMENTATION, "a full ECDHE handshake (the baseline)",
                        t -> Scripts.untilServerHelloDone("ecdhe", Messages.clientHello())
                                .send(Messages.clientKeyExchange()).sendChangeCipherSpec().send(Messages.finished()),
                        finishes()),
                Probe.same(FRAGMENTATION, "ClientHello and an (empty) ClientKeyExchange coalesced in one record",
                        t -> Conversation.named("coalesced").sendCoalesced(Messages.clientHello(),
                                Messages.clientKeyExchange()), serverFlight().then(fatal(AlertDescription.DECODE_ERROR))),
                Probe.differ(FRAGMENTATION, "an empty handshake record before the ClientHello (RFC 5246 §6.2.1)",
                        t -> Conversation.named("empty record").sendRecord(ContentType.HANDSHAKE.code(), new byte[0])
                                .send(Messages.clientHello()), serverFlight(), fatal(UNEXPECTED_MESSAGE),
                        "RFC 5246 §6.2.1: zero-length handshake fragments MUST NOT be sent. OpenSSL skips one; "
                                + "LayeredTLS refuses it (an empty record costs nothing to send: a flood vector)"),
                Probe.differ(FRAGMENTATION, "a warning user_canceled between the two halves of a ClientHello",
                        t -> Conversation.named("interleaved alert")
                                .sendRecord(ContentType.HANDSHAKE.code(), Scripts.hex("010001"))
                                .sendAlert(AlertLevel.WARNING, AlertDescription.USER_CANCELED)
                                .send(Messages.clientHello()), fatal(UNEXPECTED_MESSAGE), Reaction.warning(
                                        AlertDescription.CLOSE_NOTIFY), "RFC 5246 §6.2.1 lets content types interleave; "
                                + "OpenSSL refuses an alert inside a handshake message; LayeredTLS takes user_canceled as "
                                + "the end (RFC 5246 §7.2.2: it is followed by close_notify) and closes"));
    }

}
