#!/bin/sh
# Re-records the OpenSSL reference conversations into
# test-vectors/src/main/resources/org/layeredtls/vectors/conversations/ :
# LayeredTLS (deterministic random source, fixed clock) against openssl s_server / s_client through
# a recording relay on 127.0.0.1, plus s_client against s_server with -keylogfile. TLS 1.3
# conversations keep OpenSSL's -keylogfile lines (the secrets OpenSSL derived) as their key log.
# Usage: sh test-vectors/scripts/record-conversations.sh [CONVERSATION-NAME...]
#        sh test-vectors/scripts/record-conversations.sh --check [CONVERSATION-NAME...]
#   --check records into a temporary folder instead and compares with the stored files what must not
#   change from one recording to the next (OpenSSL's randomness changes the rest): the index, every
#   conversation's parameters (all lines before its first connection but the openssl version), its
#   number of connections, and the first ClientHello record our client writes (our random source and
#   clock are fixed). It exits 1 and shows the differences if any.
# Needs: openssl (3.x) on the PATH, Maven with the dependencies in ~/.m2, a JDK 17.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
folder=test-vectors/src/main/resources/org/layeredtls/vectors/conversations
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check=false
if [ "${1:-}" = "--check" ]; then
    check=true
    shift
fi
echo "openssl: $(openssl version)"
mvn -B -q -o -pl tls-handshake -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
cp="test-vectors/src/main/resources:tls-handshake/target/test-classes:tls-handshake/target/classes:$(cat "$work/classpath.txt")"
if [ "$check" = false ]; then
    java -cp "$cp" org.layeredtls.handshake.vectors.ConversationRecorder "$folder" "$@"
    openssl version > "$folder/openssl-version.txt"
    echo "recorded with $(cat "$folder/openssl-version.txt"); $(du -sh "$folder" | cut -f1) in $folder"
    exit 0
fi
fresh="$work/conversations"
mkdir "$fresh"
cp "$folder"/*.pem "$folder"/*.key "$fresh"/ # the same certificates: the recorder makes them only when missing
java -cp "$cp" org.layeredtls.handshake.vectors.ConversationRecorder "$fresh" "$@"
# what a re-recording keeps: the parameters, the connections, our client's ClientHello
stable() {
    sed -n '/^connection$/q;/^openssl = /d;p' "$1"
    grep -c '^connection$' "$1"
    if grep -q '^ours = client$' "$1"; then
        first=$(grep -m 1 '^c2s = ' "$1")
        length=$(printf '%d' "0x$(echo "$first" | cut -c 13-16)") # the record's length field
        echo "$first" | cut -c "1-$((6 + 10 + 2 * length))"  # "c2s = ", the 5-byte header, the ClientHello
    fi
}
status=0
diff -u "$folder/index.txt" "$fresh/index.txt" | sed 1,2d | grep '^[-+]' | grep -v '^[-+]#' && status=1
for file in "$fresh"/*.txt; do
    name=$(basename "$file")
    [ "$name" = index.txt ] && continue
    if [ ! -f "$folder/$name" ]; then
        echo "$name: not stored"; status=1; continue
    fi
    stable "$folder/$name" > "$work/stored"
    stable "$file" > "$work/recorded"
    if ! diff -u "$work/stored" "$work/recorded" > "$work/diff"; then
        echo "$name differs:"; cat "$work/diff"; status=1
    fi
done
[ "$status" = 0 ] && echo "check: $(ls "$fresh"/*.txt | grep -vc index.txt) conversation(s) re-recorded; parameters and our ClientHellos unchanged"
exit "$status"
