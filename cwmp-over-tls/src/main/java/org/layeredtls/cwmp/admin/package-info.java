/**
 * The ACS's management interface: an HTTP/JSON API on its own loopback port, protected by a bearer token
 * ({@link org.layeredtls.cwmp.admin.AdminServer}, {@link org.layeredtls.cwmp.admin.AdminApi}), that lists the
 * devices, queues RPCs for them, wakes them with a Connection Request
 * ({@link org.layeredtls.cwmp.admin.ConnectionRequestSender}) and shows the results; and
 * {@link org.layeredtls.cwmp.admin.AdminClient}, what the {@code acs-admin} command uses to call it.
 */
package org.layeredtls.cwmp.admin;
