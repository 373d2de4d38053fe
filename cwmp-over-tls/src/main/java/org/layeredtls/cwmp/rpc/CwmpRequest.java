package org.layeredtls.cwmp.rpc;

/** A request the ACS sends to the CPE (TR-069 Table 5, the subset a thin CPE answers). */
public sealed interface CwmpRequest extends CwmpMessage
        permits GetRPCMethods, GetParameterNames, GetParameterValues, SetParameterValues, GetParameterAttributes,
        SetParameterAttributes, AddObject, DeleteObject, Reboot, Download, FactoryReset {
}
