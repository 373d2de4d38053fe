package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** GetParameterNames (TR-069 §A.3.2.3): a full name, a partial path ending in ".", or "" for all. */
public record GetParameterNames(String parameterPath, boolean nextLevel) implements CwmpRequest {

    @Override
    public String methodName() {
        return "GetParameterNames";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(),
                List.of(Fields.leaf("ParameterPath", parameterPath), Fields.leaf("NextLevel", nextLevel)));
    }

    public static GetParameterNames decode(XmlElement e) throws CwmpException {
        return new GetParameterNames(Fields.optionalText(e, "ParameterPath", ""), Fields.bool(e, "NextLevel"));
    }
}
