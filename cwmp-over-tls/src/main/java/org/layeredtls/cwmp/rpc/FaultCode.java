package org.layeredtls.cwmp.rpc;

import java.util.Optional;

/** CWMP fault codes: CPE faults 9000–9019 (TR-069 Table 137), ACS faults 8000–8006 (Table 138). */
public enum FaultCode {
    METHOD_NOT_SUPPORTED(9000, false, "Method not supported"),
    REQUEST_DENIED(9001, false, "Request denied"),
    INTERNAL_ERROR(9002, false, "Internal error"),
    INVALID_ARGUMENTS(9003, true, "Invalid arguments"),
    RESOURCES_EXCEEDED(9004, false, "Resources exceeded"),
    INVALID_PARAMETER_NAME(9005, true, "Invalid parameter name"),
    INVALID_PARAMETER_TYPE(9006, true, "Invalid parameter type"),
    INVALID_PARAMETER_VALUE(9007, true, "Invalid parameter value"),
    NON_WRITABLE_PARAMETER(9008, true, "Attempt to set a non-writable parameter"),
    NOTIFICATION_REQUEST_REJECTED(9009, false, "Notification request rejected"),
    DOWNLOAD_FAILURE(9010, false, "Download failure"),
    UPLOAD_FAILURE(9011, false, "Upload failure"),
    FILE_TRANSFER_SERVER_AUTHENTICATION_FAILURE(9012, false, "File transfer server authentication failure"),
    UNSUPPORTED_TRANSFER_PROTOCOL(9013, false, "Unsupported protocol for file transfer"),
    DOWNLOAD_FAILURE_MULTICAST(9014, false, "Download failure: unable to join multicast group"),
    DOWNLOAD_FAILURE_CONTACT(9015, false, "Download failure: unable to contact file server"),
    DOWNLOAD_FAILURE_ACCESS(9016, false, "Download failure: unable to access file"),
    DOWNLOAD_FAILURE_INCOMPLETE(9017, false, "Download failure: unable to complete download"),
    DOWNLOAD_FAILURE_CORRUPTED(9018, false, "Download failure: file corrupted"),
    DOWNLOAD_FAILURE_AUTHENTICATION(9019, false, "Download failure: file authentication failure"),
    ACS_METHOD_NOT_SUPPORTED(8000, false, "Method not supported"),
    ACS_REQUEST_DENIED(8001, false, "Request denied"),
    ACS_INTERNAL_ERROR(8002, false, "Internal error"),
    ACS_INVALID_ARGUMENTS(8003, true, "Invalid arguments"),
    ACS_RESOURCES_EXCEEDED(8004, false, "Resources exceeded"),
    ACS_RETRY_REQUEST(8005, false, "Retry request"),
    ACS_VERSION_INCOMPATIBLE(8006, false, "ACS version incompatible");

    private final int code;
    private final boolean client;
    private final String description;

    FaultCode(int code, boolean client, String description) {
        this.code = code;
        this.client = client;
        this.description = description;
    }

    /** The wire code, e.g. 9005. */
    public int code() {
        return code;
    }

    /** True when the SOAP faultcode is {@code Client} (the request was at fault), false for {@code Server}. */
    public boolean isClient() {
        return client;
    }

    /** TR-069's description, used as FaultString. */
    public String description() {
        return description;
    }

    /** The enum for a wire code; vendor codes (9800–9899) and unknown codes give empty. */
    public static Optional<FaultCode> of(int code) {
        for (FaultCode f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
