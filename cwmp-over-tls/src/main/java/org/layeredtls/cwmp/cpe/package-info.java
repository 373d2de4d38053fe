/**
 * The CPE side of CWMP: {@link org.layeredtls.cwmp.cpe.CpeAgent} (data model, persistent event queue, retry
 * back-off) and {@link org.layeredtls.cwmp.cpe.CpeSession} (one session's state machine), with
 * {@link org.layeredtls.cwmp.cpe.CpeActions} for what happens outside CWMP (file download, reboot).
 * No HTTP here: the transport feeds HTTP statuses and bodies in and POSTs what comes out.
 */
package org.layeredtls.cwmp.cpe;
