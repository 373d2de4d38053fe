package org.layeredtls.cwmp.cpe;

/** The content a {@link CpeActions#download} fetched. */
public record FetchResult(byte[] content) {
    public FetchResult {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
