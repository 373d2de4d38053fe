/**
 * SOAP 1.1 for CWMP (TR-069 §3.5): {@link org.layeredtls.cwmp.soap.SoapEnvelope} with the {@code cwmp:ID},
 * {@code HoldRequests} and {@code SessionTimeout} headers, an immutable element tree
 * ({@link org.layeredtls.cwmp.soap.XmlElement}) read with the JDK's DOM parser (DOCTYPE refused: no XXE) and
 * written with StAX using the literal prefixes {@code soap-env}, {@code soap-enc}, {@code xsd}, {@code xsi},
 * {@code cwmp}.
 */
package org.layeredtls.cwmp.soap;
