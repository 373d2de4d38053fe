package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/**
 * Download (TR-069 §A.3.2.8). FileType e.g. {@code "1 Firmware Upgrade Image"} or
 * {@code "3 Vendor Configuration File"}; FileSize 0 means unknown.
 */
public record Download(String commandKey, String fileType, String url, String username, String password,
                       long fileSize, String targetFileName, int delaySeconds, String successUrl,
                       String failureUrl) implements CwmpRequest {

    @Override
    public String methodName() {
        return "Download";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(), List.of(Fields.leaf("CommandKey", commandKey),
                Fields.leaf("FileType", fileType), Fields.leaf("URL", url), Fields.leaf("Username", username),
                Fields.leaf("Password", password), Fields.leaf("FileSize", fileSize),
                Fields.leaf("TargetFileName", targetFileName), Fields.leaf("DelaySeconds", delaySeconds),
                Fields.leaf("SuccessURL", successUrl), Fields.leaf("FailureURL", failureUrl)));
    }

    public static Download decode(XmlElement e) throws CwmpException {
        return new Download(Fields.optionalRaw(e, "CommandKey"), Fields.text(e, "FileType").trim(),
                Fields.text(e, "URL").trim(), Fields.optionalRaw(e, "Username"),
                Fields.optionalRaw(e, "Password"),
                e.child("FileSize").isPresent() ? Fields.number(e, "FileSize") : 0,
                Fields.optionalText(e, "TargetFileName", ""),
                e.child("DelaySeconds").isPresent() ? Fields.integer(e, "DelaySeconds") : 0,
                Fields.optionalText(e, "SuccessURL", ""), Fields.optionalText(e, "FailureURL", ""));
    }
}
