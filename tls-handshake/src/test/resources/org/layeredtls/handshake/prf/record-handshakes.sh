#!/bin/sh
# Re-records openssl-handshakes.txt: real handshakes between openssl s_server and s_client on
# 127.0.0.1, each with the master secret (s_client -keylogfile) and the exact handshake messages
# (s_client -msg, which prints them in the clear, Finished included).
# Run from this directory: sh record-handshakes.sh > openssl-handshakes.txt
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
    -subj /CN=localhost 2>/dev/null
# an OpenSSL configuration whose "noems" section turns the extended master secret off (RFC 7627)
cat > "$work/noems.cnf" <<'CNF'
openssl_conf = conf
[conf]
ssl_conf = ssl_sect
[ssl_sect]
noems = noems_sect
[noems_sect]
Options = -ExtendedMasterSecret
CNF

record() { # VERSION-FLAG CIPHER PRF-HASH KEY-EXCHANGE [noems]
  version=$1 cipher=$2 prf=$3 exchange=$4
  rm -f "$work/server.log" "$work/keylog.txt"
  (sleep 5 | openssl s_server -accept 0 -naccept 1 -cert "$work/cert.pem" -key "$work/key.pem" \
      "$version" -cipher "$cipher:@SECLEVEL=0" -no_ticket > "$work/server.log" 2>&1 &)
  port=""
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    port=$(sed -n 's/^ACCEPT .*:\([0-9][0-9]*\)$/\1/p' "$work/server.log")
    [ -n "$port" ] && break
    sleep 0.25
  done
  conf=/dev/null extra=""
  if [ "${5:-}" = noems ]; then
    conf="$work/noems.cnf" extra="-ssl_config noems"
  fi
  # shellcheck disable=SC2086 # $extra is empty or two words
  OPENSSL_CONF=$conf timeout 10 openssl s_client -connect "127.0.0.1:$port" "$version" \
      -cipher "$cipher:@SECLEVEL=0" -msg -keylogfile "$work/keylog.txt" $extra < /dev/null > "$work/client.log" 2>&1
  echo "conversation $version $cipher"
  echo "prf $prf"
  awk '/^CLIENT_RANDOM/ { print "master " $3 }' "$work/keylog.txt"
  sed -n 's/^ *Extended master secret: \(yes\|no\)$/ems \1/p' "$work/client.log"
  # "-msg" prints each handshake message as a header line then indented hex lines
  awk '
    function flush() { if (dir != "") print dir " " name " " hex; dir = ""; hex = "" }
    /^(>>>|<<<)/ { flush(); if ($0 ~ /Handshake \[/) { dir = $1; name = $NF }; next }
    /^    / { if (dir != "") { line = $0; gsub(/ /, "", line); hex = hex line }; next }
    { flush() }
    END { flush() }
  ' "$work/client.log" > "$work/messages"
  if [ "$exchange" = rsa ]; then
    # RSA key exchange: the throwaway server key decrypts the pre-master secret (RFC 5246 §7.4.7.1)
    # from the ClientKeyExchange (type, 3-byte length, 2-byte length, PKCS #1 v1.5 ciphertext)
    sed -n 's/^>>> ClientKeyExchange 10.\{6\}.\{4\}//p' "$work/messages" | xxd -r -p > "$work/epms"
    echo "pre_master $(openssl pkeyutl -decrypt -inkey "$work/key.pem" -in "$work/epms" | od -An -v -tx1 | tr -d ' \n')"
  fi
  cat "$work/messages"
  echo "end"
}
echo "# Handshakes recorded with $(openssl version | cut -d' ' -f1-2) by record-handshakes.sh:"
echo "#   openssl s_server -accept 0 -naccept 1 -cert C -key K VERSION -cipher CIPHER:@SECLEVEL=0 -no_ticket"
echo "#   openssl s_client -connect 127.0.0.1:PORT VERSION -cipher CIPHER:@SECLEVEL=0 -msg -keylogfile F"
echo "#   (ems no: OPENSSL_CONF=noems.cnf openssl s_client -ssl_config noems ..., Options = -ExtendedMasterSecret)"
echo "# 'master' is the keylog's master secret; 'ems' says whether it is the RFC 7627 one; 'pre_master'"
echo "# (RSA key exchange) is the ClientKeyExchange decrypted with the throwaway server key."
echo "# '>>>' the client sent the message, '<<<' it received it."
record -tls1_2 ECDHE-RSA-AES128-GCM-SHA256 SHA256 ecdhe
record -tls1_2 ECDHE-RSA-AES256-GCM-SHA384 SHA384 ecdhe
record -tls1_2 AES256-GCM-SHA384 SHA384 rsa
record -tls1_2 AES128-SHA256 SHA256 rsa
record -tls1_1 ECDHE-RSA-AES128-SHA MD5-SHA1 ecdhe
record -tls1_1 AES128-SHA MD5-SHA1 rsa
record -tls1 AES256-SHA MD5-SHA1 rsa
record -tls1_2 AES128-SHA256 SHA256 rsa noems
record -tls1 AES128-SHA MD5-SHA1 rsa noems
