package org.layeredtls.cwmp.rpc;

import java.util.ArrayList;
import java.util.List;
import org.layeredtls.cwmp.soap.CwmpException;
import org.layeredtls.cwmp.soap.XmlElement;

/** DeleteObject (TR-069 §A.3.2.6/7): ObjectName ends in "."; the ParameterKey is stored on success. */
public record DeleteObject(String objectName, String parameterKey) implements CwmpRequest {

    @Override
    public String methodName() {
        return "DeleteObject";
    }

    @Override
    public XmlElement encode() {
        return Fields.method(methodName(),
                List.of(Fields.leaf("ObjectName", objectName), Fields.leaf("ParameterKey", parameterKey)));
    }

    public static DeleteObject decode(XmlElement e) throws CwmpException {
        return new DeleteObject(Fields.text(e, "ObjectName").trim(), Fields.optionalRaw(e, "ParameterKey"));
    }
}
