/**
 * The CWMP RPC messages (TR-069 Annex A) as immutable records, each encoding to and decoding from the element
 * inside a SOAP Body: {@link org.layeredtls.cwmp.rpc.CwmpRequest} (ACS to CPE),
 * {@link org.layeredtls.cwmp.rpc.CpeRequest} (CPE to ACS), {@link org.layeredtls.cwmp.rpc.CwmpResponse} and
 * {@link org.layeredtls.cwmp.rpc.CwmpFault} with the {@link org.layeredtls.cwmp.rpc.FaultCode} table.
 * {@link org.layeredtls.cwmp.rpc.Rpc#decode} dispatches by element name.
 */
package org.layeredtls.cwmp.rpc;
