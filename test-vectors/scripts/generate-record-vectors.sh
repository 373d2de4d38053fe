#!/usr/bin/env bash
# Regenerates the record-protection reference vectors with OpenSSL.
#
#   bash test-vectors/scripts/generate-record-vectors.sh           # rewrite the vector file
#   bash test-vectors/scripts/generate-record-vectors.sh --check   # regenerate into a temp file and
#                                                                  # compare (all but the date line)
#
# Needs: openssl (3.x, with the legacy provider for RC4), a C compiler and libcrypto's headers
# (libssl-dev) for gcm_seal.c, python3 (standard library only). Every cryptographic byte is made by
# OpenSSL; record_vectors.py only lays the bytes out. Keys, IVs and plaintexts are derived from fixed
# labels, so a re-run writes the same file except for the `date =` line (VECTORS_DATE overrides it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../src/main/resources/org/layeredtls/vectors/record-protection.txt"

command -v openssl >/dev/null || { echo "openssl not found" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found" >&2; exit 1; }
cc="${CC:-cc}"
command -v "$cc" >/dev/null || { echo "no C compiler ($cc)" >&2; exit 1; }

# RC4 is in OpenSSL 3's legacy provider: fail now, clearly, if it cannot be loaded.
if ! printf 'x' | openssl enc -rc4 -K 000102030405060708090a0b0c0d0e0f -provider legacy -provider default >/dev/null 2>&1; then
    echo "openssl cannot do RC4 (is the legacy provider installed?)" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cc" -O2 -Wall -o "$work/gcm_seal" "$here/gcm_seal.c" -lcrypto

date="${VECTORS_DATE:-$(date -u +%Y-%m-%d)}"
echo "using $(openssl version)"

if [[ "${1:-}" == "--check" ]]; then
    python3 "$here/record_vectors.py" "$work/record-protection.txt" "$work/gcm_seal" "$date"
    if diff -u <(grep -v '^date = ' "$target") <(grep -v '^date = ' "$work/record-protection.txt"); then
        echo "the committed vectors are reproduced byte for byte"
    else
        echo "the regenerated vectors differ from the committed ones" >&2
        exit 1
    fi
else
    mkdir -p "$(dirname "$target")"
    python3 "$here/record_vectors.py" "$target" "$work/gcm_seal" "$date"
fi
