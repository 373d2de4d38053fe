#!/usr/bin/env python3
"""Byte plumbing for generate-record-vectors.sh: lays out records, calls OpenSSL, writes the file.

This file does NO cryptography. Every cipher, MAC and hash byte comes from an `openssl` process
(enc, dgst, mac) or from the gcm_seal helper (libcrypto EVP). Python only concatenates, cuts,
pads, XORs the ChaCha20 nonce with the sequence number, and formats hex.

usage: record_vectors.py OUTPUT_FILE GCM_SEAL_BINARY DATE
"""
import subprocess
import sys

OPENSSL = "openssl"
LEGACY = ["-provider", "legacy", "-provider", "default"]  # RC4 lives in OpenSSL 3's legacy provider

VERSIONS = {"SSL3_0": 0x0300, "TLS1_0": 0x0301, "TLS1_1": 0x0302, "TLS1_2": 0x0303}

# bulk cipher: (kind, key length, block length, fixed IV length, openssl name)
BULK = {
    "NULL": ("stream", 0, 0, 0, None),
    "RC4_128": ("stream", 16, 0, 0, "rc4"),
    "TRIPLE_DES_EDE_CBC": ("block", 24, 8, 8, "des-ede3-cbc"),
    "AES_128_CBC": ("block", 16, 16, 16, "aes-128-cbc"),
    "AES_256_CBC": ("block", 32, 16, 16, "aes-256-cbc"),
    "AES_128_GCM": ("aead", 16, 0, 4, "aes-128-gcm"),
    "AES_256_GCM": ("aead", 32, 0, 4, "aes-256-gcm"),
    "CHACHA20_POLY1305": ("aead", 32, 0, 12, "chacha20-poly1305"),
}

# MAC: (hash name for openssl, MAC length, SSL 3.0 pad repeat count or None)
MAC = {
    "NULL": (None, 0, None),
    "HMAC_MD5": ("MD5", 16, 48),
    "HMAC_SHA1": ("SHA1", 20, 40),
    "HMAC_SHA256": ("SHA256", 32, None),
    "HMAC_SHA384": ("SHA384", 48, None),
}

# The records of each vector: (content type, plaintext length). Zero-length fragments only for
# application_data (RFC 5246 §6.2.1); 32 is a multiple of every block size; 1337 is the long one.
RECORDS_FROM_ZERO = [(22, 32), (23, 0), (21, 2)]
RECORDS_ACROSS_2_32 = [(23, 1), (22, 1337), (21, 2)]
FIRST_SEQ = [0, 0xFFFFFFFF]  # the second vector crosses the 32-bit boundary


def openssl(args, data=b""):
    result = subprocess.run([OPENSSL] + args, input=data, capture_output=True)
    if result.returncode != 0:
        sys.exit("openssl %s failed: %s" % (" ".join(args), result.stderr.decode(errors="replace")))
    return result.stdout


def digest(hash_name, data):
    return openssl(["dgst", "-" + hash_name.lower(), "-binary"], data)


def hmac(hash_name, key, data):
    return openssl(["mac", "-digest", hash_name, "-macopt", "hexkey:" + key.hex(), "-binary", "HMAC"], data)


def ssl3_mac(hash_name, pad_count, key, data):
    """RFC 6101 §5.2.3.1: hash(secret + pad_2 + hash(secret + pad_1 + data)), both hashes by OpenSSL."""
    inner = digest(hash_name, key + b"\x36" * pad_count + data)
    return digest(hash_name, key + b"\x5c" * pad_count + inner)


def cbc_encrypt(cipher, key, iv, data):
    return openssl(["enc", "-" + cipher, "-e", "-nopad", "-K", key.hex(), "-iv", iv.hex()], data)


def rc4(key, data):
    return openssl(["enc", "-rc4", "-e", "-K", key.hex()] + LEGACY, data)


def chacha20(key, counter, nonce, data):
    # openssl enc -chacha20 takes a 16-byte IV: 4-byte little-endian block counter || 12-byte nonce
    return openssl(["enc", "-chacha20", "-e", "-K", key.hex(), "-iv", (counter.to_bytes(4, "little") + nonce).hex()], data)


def poly1305(key, data):
    return openssl(["mac", "-macopt", "hexkey:" + key.hex(), "-binary", "Poly1305"], data)


def derive(label, length):
    """Deterministic test bytes: the AES-128-CTR key stream (by OpenSSL) under SHA-256(label)."""
    if length == 0:
        return b""
    key = digest("SHA256", label.encode())[:16]
    return openssl(["enc", "-aes-128-ctr", "-e", "-K", key.hex(), "-iv", "00" * 16], bytes(length))


def pad16(data):
    return bytes(-len(data) % 16)


def chacha20_poly1305_cli(key, nonce, aad, plaintext):
    """RFC 8439 §2.8 built from the command line: one-time key from block 0, data from block 1."""
    one_time_key = chacha20(key, 0, nonce, bytes(64))[:32]
    ciphertext = chacha20(key, 1, nonce, plaintext)
    mac_data = (aad + pad16(aad) + ciphertext + pad16(ciphertext)
                + len(aad).to_bytes(8, "little") + len(ciphertext).to_bytes(8, "little"))
    return ciphertext + poly1305(one_time_key, mac_data)


class AeadSealer:
    def __init__(self, helper):
        self.helper = helper

    def seal(self, cipher, key, nonce, aad, plaintext):
        result = subprocess.run([self.helper, cipher, key.hex(), nonce.hex(), aad.hex()],
                                input=plaintext, capture_output=True)
        if result.returncode != 0:
            sys.exit("gcm_seal failed: " + result.stderr.decode(errors="replace"))
        return result.stdout


def self_test(aead):
    """Known answers, to prove the plumbing (argument order, nonce and AAD layout) before use."""
    # RFC 8439 §2.8.2
    key = bytes(range(0x80, 0xA0))
    nonce = bytes.fromhex("070000004041424344454647")
    aad = bytes.fromhex("50515253c0c1c2c3c4c5c6c7")
    text = (b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
            b" sunscreen would be it.")
    expected_tag = bytes.fromhex("1ae10b594f09e26a7e902ecbd0600691")
    cli = chacha20_poly1305_cli(key, nonce, aad, text)
    evp = aead.seal("chacha20-poly1305", key, nonce, aad, text)
    if cli != evp or cli[-16:] != expected_tag or not cli.startswith(bytes.fromhex("d31a8d34648e60db7b86afbc53ef7ec2")):
        sys.exit("self-test failed: RFC 8439 §2.8.2 ChaCha20-Poly1305")
    # GCM spec (McGrew-Viega) test case 2
    if aead.seal("aes-128-gcm", bytes(16), bytes(12), b"", bytes(16)) != bytes.fromhex(
            "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"):
        sys.exit("self-test failed: AES-128-GCM test case 2")
    # RFC 2202 test case 2 (HMAC-MD5 and HMAC-SHA1)
    if hmac("MD5", b"Jefe", b"what do ya want for nothing?") != bytes.fromhex("750c783e6ab0b503eaa86e310a5db738"):
        sys.exit("self-test failed: HMAC-MD5")
    if hmac("SHA1", b"Jefe", b"what do ya want for nothing?") != bytes.fromhex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"):
        sys.exit("self-test failed: HMAC-SHA1")


def cbc_padding(ssl3, length, block):
    """Minimal padding after `length` bytes: TLS repeats padding_length, SSL 3.0 pads with zeros."""
    padding_length = -(length + 1) % block
    if ssl3:
        return bytes(padding_length) + bytes([padding_length])
    return bytes([padding_length]) * (padding_length + 1)


class Vector:
    """One direction of one connection state, sealing its records as the conventions say."""

    def __init__(self, aead, version_name, bulk, mac, etm, first_seq, records):
        self.aead = aead
        self.version = VERSIONS[version_name]
        self.ssl3 = self.version == 0x0300
        self.bulk, self.mac, self.etm = bulk, mac, etm
        self.kind, key_length, self.block, fixed_iv_length, self.cipher = BULK[bulk]
        self.hash, self.mac_length, self.ssl3_pads = MAC[mac]
        self.explicit_cbc_iv = self.kind == "block" and self.version >= 0x0302
        if self.explicit_cbc_iv:
            fixed_iv_length = 0  # RFC 4346 §6.3: TLS 1.1+ derive no CBC IV from the key block
        parts = [version_name, bulk, mac] + (["ETM"] if etm else []) + ["seq%016x" % first_seq]
        self.name = "-".join(parts)
        self.mac_key = derive(self.name + "/mac_key", self.mac_length)
        self.enc_key = derive(self.name + "/enc_key", key_length)
        self.fixed_iv = derive(self.name + "/fixed_iv", fixed_iv_length)
        self.records = []
        for i, (content_type, length) in enumerate(records):
            seq = first_seq + i
            explicit = derive("%s/record%d/explicit_iv" % (self.name, i), self.block) if self.explicit_cbc_iv else b""
            plaintext = derive("%s/record%d/plaintext" % (self.name, i), length)
            self.records.append({"seq": seq, "type": content_type, "explicit_iv": explicit, "plaintext": plaintext})
        self.seal_all()

    def header(self, seq, content_type, length):
        version = b"" if self.ssl3 else self.version.to_bytes(2, "big")  # SSL 3.0 MACs no version
        return seq.to_bytes(8, "big") + bytes([content_type]) + version + length.to_bytes(2, "big")

    def record_mac(self, seq, content_type, data):
        if self.hash is None:
            return b""
        mac_input = self.header(seq, content_type, len(data)) + data
        if self.ssl3:
            return ssl3_mac(self.hash, self.ssl3_pads, self.mac_key, mac_input)
        return hmac(self.hash, self.mac_key, mac_input)

    def seal_all(self):
        if self.kind == "stream":
            # RFC 5246 §6.2.3.1: E(fragment || MAC); the RC4 key stream runs on across records
            parts = [r["plaintext"] + self.record_mac(r["seq"], r["type"], r["plaintext"]) for r in self.records]
            stream = rc4(self.enc_key, b"".join(parts)) if self.cipher else b"".join(parts)
            offset = 0
            for record, part in zip(self.records, parts):
                record["fragment"] = stream[offset:offset + len(part)]
                offset += len(part)
        elif self.kind == "block":
            chained_iv = self.fixed_iv  # SSL 3.0 / TLS 1.0: then the last ciphertext block
            for r in self.records:
                iv = r["explicit_iv"] if self.explicit_cbc_iv else chained_iv
                if self.etm:
                    # RFC 7366 §3: MAC over (IV ||) E(fragment || padding)
                    padded = r["plaintext"] + cbc_padding(self.ssl3, len(r["plaintext"]), self.block)
                    body = r["explicit_iv"] + cbc_encrypt(self.cipher, self.enc_key, iv, padded)
                    r["fragment"] = body + self.record_mac(r["seq"], r["type"], body)
                    chained_iv = body[-self.block:]
                else:
                    # RFC 5246 §6.2.3.2: E(fragment || MAC || padding || padding_length)
                    inner = r["plaintext"] + self.record_mac(r["seq"], r["type"], r["plaintext"])
                    inner += cbc_padding(self.ssl3, len(inner), self.block)
                    ciphertext = cbc_encrypt(self.cipher, self.enc_key, iv, inner)
                    r["fragment"] = r["explicit_iv"] + ciphertext
                    chained_iv = ciphertext[-self.block:]
        else:
            for r in self.records:
                seq8 = r["seq"].to_bytes(8, "big")
                aad = self.header(r["seq"], r["type"], len(r["plaintext"]))
                if self.bulk == "CHACHA20_POLY1305":
                    # RFC 7905 §2: nonce = fixed IV XOR (4 zero bytes || sequence number)
                    nonce = bytes(a ^ b for a, b in zip(self.fixed_iv, bytes(4) + seq8))
                    sealed = chacha20_poly1305_cli(self.enc_key, nonce, aad, r["plaintext"])
                    if sealed != self.aead.seal(self.cipher, self.enc_key, nonce, aad, r["plaintext"]):
                        sys.exit("ChaCha20-Poly1305: the command line and EVP disagree on " + self.name)
                    r["fragment"] = sealed
                else:
                    # RFC 5288 §3: nonce = salt || explicit nonce, the explicit part being the sequence number
                    r["explicit_iv"] = seq8
                    r["fragment"] = seq8 + self.aead.seal(self.cipher, self.enc_key, self.fixed_iv + seq8, aad,
                                                          r["plaintext"])

    def lines(self):
        out = ["", "vector = " + self.name, "version = %04x" % self.version, "bulk = " + self.bulk,
               "mac = " + self.mac, "etm = " + ("true" if self.etm else "false"),
               "mac_key = " + self.mac_key.hex(), "enc_key = " + self.enc_key.hex(),
               "fixed_iv = " + self.fixed_iv.hex(), "records = %d" % len(self.records)]
        for r in self.records:
            out += ["record", "seq = %016x" % r["seq"], "type = %d" % r["type"],
                    "explicit_iv = " + r["explicit_iv"].hex(), "plaintext = " + r["plaintext"].hex(),
                    "fragment = " + r["fragment"].hex()]
        out.append("end")
        return [line.rstrip() for line in out]


def schemes():
    """(version, bulk, mac, etm) for every vector family, in file order."""
    for version in ["SSL3_0", "TLS1_0", "TLS1_1", "TLS1_2"]:
        for bulk, mac in [("NULL", "HMAC_SHA1"), ("RC4_128", "HMAC_MD5"), ("RC4_128", "HMAC_SHA1"),
                          ("TRIPLE_DES_EDE_CBC", "HMAC_SHA1"), ("AES_128_CBC", "HMAC_SHA1"),
                          ("AES_256_CBC", "HMAC_SHA1")]:
            yield version, bulk, mac, False
    for bulk, mac in [("AES_128_CBC", "HMAC_SHA256"), ("AES_256_CBC", "HMAC_SHA256"),
                      ("AES_256_CBC", "HMAC_SHA384"), ("AES_128_GCM", "NULL"), ("AES_256_GCM", "NULL"),
                      ("CHACHA20_POLY1305", "NULL")]:
        yield "TLS1_2", bulk, mac, False
    for version, mac in [("TLS1_0", "HMAC_SHA1"), ("TLS1_1", "HMAC_SHA1"), ("TLS1_2", "HMAC_SHA1"),
                         ("TLS1_2", "HMAC_SHA256")]:
        yield version, "AES_128_CBC", mac, True


HEADER = """\
# LayeredTLS record-protection reference vectors (RFC 6101, 2246, 4346, 5246, 5288, 7366, 7905).
#
# Every expected byte below was computed by OpenSSL, never by LayeredTLS: `openssl enc` (CBC, RC4,
# ChaCha20), `openssl mac` (HMAC, Poly1305), `openssl dgst` (the SSL 3.0 MAC's two hash passes, and
# the labels the keys and plaintexts are derived from) and test-vectors/scripts/gcm_seal.c (AES-GCM
# and ChaCha20-Poly1305 through libcrypto's EVP API; ChaCha20-Poly1305 is also rebuilt from the
# command line and both must agree).
# Regenerate: bash test-vectors/scripts/generate-record-vectors.sh   (see test-vectors/README.md)
#
# Conventions: one direction per vector, consecutive sequence numbers; MAC input
# seq(8) || type(1) || version(2, absent in SSL 3.0) || length(2) || data; minimal CBC padding;
# SSL 3.0 and TLS 1.0 CBC IVs chain from fixed_iv; explicit_iv is the IV (TLS 1.1+ CBC, drawn from
# the random source) or nonce (GCM: the sequence number) that opens the fragment.
# Format: `key = value` lines, hex in lower case, an empty value is empty; each vector runs from
# `vector =` to `end`, each of its records starts with a bare `record` line.
"""


def main():
    output, helper, date = sys.argv[1], sys.argv[2], sys.argv[3]
    aead = AeadSealer(helper)
    self_test(aead)
    version = openssl(["version"]).decode().strip()
    vectors = [Vector(aead, v, b, m, e, first, RECORDS_FROM_ZERO if first == 0 else RECORDS_ACROSS_2_32)
               for v, b, m, e in schemes() for first in FIRST_SEQ]
    lines = HEADER.splitlines() + ["", "openssl = " + version, "date = " + date, "count = %d" % len(vectors)]
    for vector in vectors:
        lines += vector.lines()
    with open(output, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d vectors to %s" % (len(vectors), output))


if __name__ == "__main__":
    main()
