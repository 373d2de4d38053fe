/**
 * The ACS side of CWMP: {@link org.layeredtls.cwmp.acs.AcsEngine} (task queues, results, what was learnt of each
 * device) over a {@link org.layeredtls.cwmp.acs.DeviceStore} ({@link org.layeredtls.cwmp.acs.FileDeviceStore}:
 * one XML file per device, written atomically), and {@link org.layeredtls.cwmp.acs.AcsSession}, one session's
 * state machine. No HTTP here.
 */
package org.layeredtls.cwmp.acs;
