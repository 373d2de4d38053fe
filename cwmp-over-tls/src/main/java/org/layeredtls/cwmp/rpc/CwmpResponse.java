package org.layeredtls.cwmp.rpc;

/** A successful answer to a request (its name is the request's plus {@code Response}). */
public sealed interface CwmpResponse extends CwmpMessage
        permits InformResponse, TransferCompleteResponse, GetRPCMethodsResponse, GetParameterNamesResponse,
        GetParameterValuesResponse, SetParameterValuesResponse, GetParameterAttributesResponse,
        SetParameterAttributesResponse, AddObjectResponse, DeleteObjectResponse, RebootResponse, DownloadResponse,
        FactoryResetResponse {
}
