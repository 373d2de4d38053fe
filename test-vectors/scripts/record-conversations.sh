#!/bin/sh
# Re-records the OpenSSL reference conversations into
# test-vectors/src/main/resources/org/layeredtls/vectors/conversations/ :
# LayeredTLS (deterministic random source, fixed clock) against openssl s_server / s_client through
# a recording relay on 127.0.0.1, plus s_client against s_server with -keylogfile.
# Usage: sh test-vectors/scripts/record-conversations.sh [CONVERSATION-NAME...]
# Needs: openssl (3.x) on the PATH, Maven with the dependencies in ~/.m2, a JDK 17.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
folder=test-vectors/src/main/resources/org/layeredtls/vectors/conversations
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "openssl: $(openssl version)"
mvn -B -q -o -pl tls-handshake -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
cp="test-vectors/src/main/resources:tls-handshake/target/test-classes:tls-handshake/target/classes:$(cat "$work/classpath.txt")"
java -cp "$cp" org.layeredtls.handshake.vectors.ConversationRecorder "$folder" "$@"
openssl version > "$folder/openssl-version.txt"
echo "recorded with $(cat "$folder/openssl-version.txt"); $(du -sh "$folder" | cut -f1) in $folder"
