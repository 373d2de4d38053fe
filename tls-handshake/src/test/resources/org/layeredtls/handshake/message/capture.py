"""Re-records the OpenSSL handshake captures used by OpenSslCaptureTest.

Usage: python3 capture.py OUTPUT_DIR   (run where it may write cert.pem/key.pem; needs `openssl`)

1. A listener on an ephemeral 127.0.0.1 port accepts `openssl s_client` and keeps its ClientHello
   (TLS 1.2 only, with SNI and ALPN; and the default, TLS 1.3-capable one).
2. The TLS 1.2 ClientHello records are replayed to `openssl s_server -tls1_2` with one cipher each
   (ECDHE-RSA, DHE-RSA with -Verify, RSA with -Verify); the server's handshake bytes up to
   ServerHelloDone are kept.
Each file holds the handshake protocol bytes (record headers removed) as one hex line.
Every process started here is killed by its PID when done.
"""
import socket, subprocess, time, sys, os

def read_records(sock, stop, timeout=10):
    """Read TLS records; return (records list of (type, version, fragment))."""
    sock.settimeout(timeout)
    buf = b''; recs = []; hs = b''
    deadline = time.time() + timeout
    while time.time() < deadline:
        while len(buf) >= 5:
            ln = int.from_bytes(buf[3:5], 'big')
            if len(buf) < 5 + ln: break
            recs.append((buf[0], buf[1:3], buf[5:5+ln])); 
            if buf[0] == 22: hs += buf[5:5+ln]
            buf = buf[5+ln:]
        if stop(recs, hs): return recs, hs
        d = sock.recv(65536)
        if not d: break
        buf += d
    return recs, hs

def hs_messages(hs):
    out = []; i = 0
    while i + 4 <= len(hs):
        ln = int.from_bytes(hs[i+1:i+4], 'big')
        if i + 4 + ln > len(hs): break
        out.append(hs[i]); i += 4 + ln
    return out

def capture_client_hello(extra):
    ls = socket.socket(); ls.bind(('127.0.0.1', 0)); ls.listen(1)
    port = ls.getsockname()[1]
    p = subprocess.Popen(['openssl', 's_client', '-connect', f'127.0.0.1:{port}'] + extra,
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ls.settimeout(10)
        c, _ = ls.accept()
        recs, hs = read_records(c, lambda r, h: 1 in hs_messages(h))
        raw = b''.join(bytes([t]) + v + len(f).to_bytes(2, 'big') + f for t, v, f in recs)
        c.close()
        return raw, hs
    finally:
        p.kill(); p.wait(); ls.close()

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close(); return port

def capture_server_flight(client_hello_records, extra):
    port = free_port()
    p = subprocess.Popen(['openssl', 's_server', '-accept', str(port), '-cert', 'cert.pem', '-key', 'key.pem'] + extra,
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 15
        while True:
            try:
                s = socket.create_connection(('127.0.0.1', port), timeout=2); break
            except OSError:
                if time.time() > deadline: raise
                time.sleep(0.05)
        s.sendall(client_hello_records)
        recs, hs = read_records(s, lambda r, h: 14 in hs_messages(h))
        s.close()
        return hs
    finally:
        p.kill(); p.wait()

out = sys.argv[1]
if not os.path.exists('cert.pem'):
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem',
                    '-out', 'cert.pem', '-subj', '/CN=localhost', '-days', '30'], check=True, capture_output=True)
raw12, ch12 = capture_client_hello(['-tls1_2', '-servername', 'example.com', '-alpn', 'http/1.1'])
rawdef, chdef = capture_client_hello(['-servername', 'example.com'])
open(f'{out}/openssl-client-hello-tls12.hex', 'w').write(ch12.hex() + '\n')
open(f'{out}/openssl-client-hello-default.hex', 'w').write(chdef.hex() + '\n')
ecdhe = capture_server_flight(raw12, ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256'])
open(f'{out}/openssl-server-flight-ecdhe-rsa.hex', 'w').write(ecdhe.hex() + '\n')
dhe = capture_server_flight(raw12, ['-tls1_2', '-cipher', 'DHE-RSA-AES128-GCM-SHA256', '-Verify', '1'])
open(f'{out}/openssl-server-flight-dhe-rsa-certreq.hex', 'w').write(dhe.hex() + '\n')
rsa = capture_server_flight(raw12, ['-tls1_2', '-cipher', 'AES128-SHA', '-Verify', '1'])
open(f'{out}/openssl-server-flight-rsa-certreq.hex', 'w').write(rsa.hex() + '\n')
for name, hs in [('ch12', ch12), ('chdef', chdef), ('ecdhe', ecdhe), ('dhe', dhe), ('rsa', rsa)]:
    print(name, len(hs), hs_messages(hs))
