package org.layeredtls.cwmp.rpc;

import org.layeredtls.cwmp.soap.XmlElement;

/**
 * One CWMP message: the element inside a SOAP Body (TR-069 §3.5, Annex A). Every message encodes to that
 * element and decodes from it with a static {@code decode(XmlElement)}; {@link Rpc#decode} dispatches by name.
 */
public sealed interface CwmpMessage permits CwmpRequest, CpeRequest, CwmpResponse, CwmpFault {
    /** The element's local name, e.g. {@code GetParameterValues}. */
    String methodName();

    /** The body element ({@code cwmp:}-qualified, children unqualified). */
    XmlElement encode();
}
