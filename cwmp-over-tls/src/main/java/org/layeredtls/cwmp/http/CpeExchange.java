package org.layeredtls.cwmp.http;

/**
 * What the CPE's HTTP layer needs of a CWMP session: the first POST body, then for each HTTP
 * response the next POST body (empty for an empty POST) or null when the session is over. The
 * real implementation wraps {@code org.layeredtls.cwmp.cpe.CpeSession}.
 */
interface CpeExchange {

    byte[] firstRequest();

    byte[] onResponse(int httpStatus, byte[] body) throws Exception;
}
