/**
 * The CPE data model: {@link org.layeredtls.cwmp.model.DataModel} (a {@code Device.} or
 * {@code InternetGatewayDevice.} tree with the TR-069 §A.3.2 method semantics), its file format
 * ({@link org.layeredtls.cwmp.model.ModelFile}, written atomically by {@link org.layeredtls.cwmp.model.StateFile})
 * and a factory for a small default device ({@link org.layeredtls.cwmp.model.DeviceModels}).
 */
package org.layeredtls.cwmp.model;
