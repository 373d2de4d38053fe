#!/bin/sh
# Re-records prf-vectors.txt: TLS PRF outputs computed by OpenSSL 3's `openssl kdf ... TLS1-PRF`.
# Run from this directory: sh make-prf-vectors.sh > prf-vectors.txt
# OpenSSL's TLS1-PRF has no label parameter: the label goes at the front of the seed.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
hex() { od -An -v -tx1 | tr -d ' \n'; }
rep() { # BYTE-HEX COUNT: the byte repeated COUNT times, as hex
  i=0; while [ "$i" -lt "$2" ]; do printf '%s' "$1"; i=$((i + 1)); done
}
vector() { # DIGEST SECRET-HEX LABEL SEED-HEX LENGTH
  openssl kdf -binary -out "$tmp" -keylen "$5" -kdfopt "digest:$1" -kdfopt "hexsecret:$2" \
      -kdfopt "hexseed:$(printf '%s' "$3" | hex)$4" TLS1-PRF
  echo "$1|$2|$3|$4|$5|$(hex < "$tmp")"
}
echo "# TLS PRF known answers recorded with $(openssl version | cut -d' ' -f1-2) by make-prf-vectors.sh:"
echo "#   openssl kdf -binary -keylen LENGTH -kdfopt digest:DIGEST -kdfopt hexsecret:SECRET \\"
echo "#     -kdfopt hexseed:<LABEL as hex><SEED> TLS1-PRF"
echo "# digest|secret hex|label|seed hex|length|output hex"
pms=0303$(rep aa 46)            # 48-byte RSA pre-master secret, client_version first
ms=$(rep 55 48)                 # 48-byte master secret
cr=$(rep cc 32)                 # ClientHello.random
sr=$(rep ee 32)                 # ServerHello.random
dhe=00$(rep 7b 127)             # 128-byte DH shared secret with a leading zero byte
odd=$(rep 0f 64)$(rep f0 65)    # 129 bytes: the TLS 1.0 halves overlap, each longer than a block
for digest in MD5-SHA1 SHA256 SHA384; do
  vector "$digest" "$pms" "master secret" "$cr$sr" 48
  vector "$digest" "$ms" "key expansion" "$sr$cr" 104
  vector "$digest" "$ms" "key expansion" "$sr$cr" 136
  vector "$digest" "$ms" "client finished" "$(rep 01 36)" 12
  vector "$digest" "$ms" "server finished" "$(rep fe 48)" 12
  vector "$digest" "$dhe" "master secret" "$cr$sr" 48
  vector "$digest" "$odd" "extended master secret" "$(rep 5a 32)" 48
  vector "$digest" "$(rep 33 31)" "key expansion" "$cr" 200
  vector "$digest" 9a "x" "" 5
done
