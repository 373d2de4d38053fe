/*
 * gcm_seal: seal one AEAD record with OpenSSL's libcrypto (EVP), for generate-record-vectors.sh.
 *
 *   gcm_seal CIPHER KEY_HEX NONCE_HEX AAD_HEX < plaintext > ciphertext||tag
 *
 * CIPHER is aes-128-gcm, aes-256-gcm or chacha20-poly1305; the nonce is 12 bytes and the tag 16.
 * `openssl enc` refuses AEAD modes, so this is the smallest program that lets OpenSSL (and not
 * LayeredTLS) compute the expected bytes. It does byte plumbing only: every cryptographic byte is
 * produced by EVP_Encrypt*. Build: cc -o gcm_seal gcm_seal.c -lcrypto
 */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAG_LENGTH 16
#define NONCE_LENGTH 12

static void die(const char *message) {
    fprintf(stderr, "gcm_seal: %s\n", message);
    exit(1);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    die("not a hex digit");
    return -1;
}

/* Decodes a hex string into a fresh buffer; *length receives the byte count. */
static unsigned char *hex_decode(const char *hex, size_t *length) {
    size_t n = strlen(hex);
    if (n % 2 != 0) die("odd-length hex");
    unsigned char *out = malloc(n / 2 + 1);
    if (out == NULL) die("out of memory");
    for (size_t i = 0; i < n / 2; i++) {
        out[i] = (unsigned char) (hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
    }
    *length = n / 2;
    return out;
}

/* Reads all of standard input. */
static unsigned char *read_all(size_t *length) {
    size_t capacity = 65536, used = 0;
    unsigned char *buffer = malloc(capacity);
    if (buffer == NULL) die("out of memory");
    for (;;) {
        size_t got = fread(buffer + used, 1, capacity - used, stdin);
        used += got;
        if (got == 0) break;
        if (used == capacity) {
            capacity *= 2;
            buffer = realloc(buffer, capacity);
            if (buffer == NULL) die("out of memory");
        }
    }
    if (ferror(stdin)) die("cannot read standard input");
    *length = used;
    return buffer;
}

int main(int argc, char **argv) {
    if (argc != 5) die("usage: gcm_seal aes-128-gcm|aes-256-gcm|chacha20-poly1305 KEY_HEX NONCE_HEX AAD_HEX");
    const EVP_CIPHER *cipher = EVP_get_cipherbyname(argv[1]);
    if (cipher == NULL) die("unknown cipher");
    size_t key_length, nonce_length, aad_length, plaintext_length;
    unsigned char *key = hex_decode(argv[2], &key_length);
    unsigned char *nonce = hex_decode(argv[3], &nonce_length);
    unsigned char *aad = hex_decode(argv[4], &aad_length);
    if ((int) key_length != EVP_CIPHER_key_length(cipher)) die("wrong key length");
    if (nonce_length != NONCE_LENGTH) die("the nonce must be 12 bytes");
    unsigned char *plaintext = read_all(&plaintext_length);
    unsigned char *out = malloc(plaintext_length + TAG_LENGTH + 16);
    if (out == NULL) die("out of memory");

    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int outl = 0, total = 0;
    if (ctx == NULL
            || EVP_EncryptInit_ex(ctx, cipher, NULL, NULL, NULL) != 1
            || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, NONCE_LENGTH, NULL) != 1
            || EVP_EncryptInit_ex(ctx, NULL, NULL, key, nonce) != 1) {
        die("cannot set up the cipher");
    }
    if (aad_length > 0 && EVP_EncryptUpdate(ctx, NULL, &outl, aad, (int) aad_length) != 1) die("AAD failed");
    if (plaintext_length > 0) {
        if (EVP_EncryptUpdate(ctx, out, &outl, plaintext, (int) plaintext_length) != 1) die("encryption failed");
        total = outl;
    }
    if (EVP_EncryptFinal_ex(ctx, out + total, &outl) != 1) die("final failed");
    total += outl;
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LENGTH, out + total) != 1) die("no tag");
    total += TAG_LENGTH;
    if (fwrite(out, 1, (size_t) total, stdout) != (size_t) total || fflush(stdout) != 0) die("cannot write");
    EVP_CIPHER_CTX_free(ctx);
    free(key);
    free(nonce);
    free(aad);
    free(plaintext);
    free(out);
    return 0;
}
